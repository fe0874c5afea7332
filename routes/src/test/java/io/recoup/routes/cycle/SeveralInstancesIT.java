package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.routes.match.MatchReport;
import io.recoup.routes.plan.PlanReport;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.Leases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database, as {@code serve} runs them side by side: the singleton work (planning, matching,
 * post-back) is taken or skipped, never waited on, a frozen holder loses its lease when it expires, and sending never
 * waits behind planning. A "frozen instance" here is a transaction that holds a lease and then stops talking to the
 * server, which is all the server can see of a process stopped with SIGSTOP.
 */
class SeveralInstancesIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** Only a guard against a test that would otherwise hang for ever on the code this test was written against. */
    static final long HANG_GUARD_SECONDS = 60;

    @TempDir
    Path home;
    CycleFixture a;
    CycleFixture b;

    @BeforeEach
    void start() {
        a = new CycleFixture(home.resolve("a"), DAY, mail.getSmtp().getPort());
        b = new CycleFixture(home.resolve("b"), DAY, mail.getSmtp().getPort(), a.dataSource, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void planningIsSkippedWhileAnotherInstanceHoldsTheLeaseInsteadOfWaitingForIt() throws Exception {
        dueInThreeDays();
        try (HeldLock planner = HeldLock.take(a.dataSource, 7301)) {
            PlanReport skipped = CompletableFuture.supplyAsync(() -> b.stages.planning().plan())
                    .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(skipped.skipped()).isTrue();
            assertThat(skipped.planned()).isEmpty();
            assertThat(a.jdbc.queryForObject("select count(*) from notice", Integer.class)).isZero();
        }
        assertThat(b.stages.planning().plan().planned()).hasSize(1);
    }

    @Test
    void aFrozenPlannerLosesTheLeaseWhenItExpiresAndItsWorkIsUndone() throws Exception {
        dueInThreeDays();
        CountDownLatch thaw = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> frozen = CompletableFuture.runAsync(() -> b.db.inTransaction(() -> {
            assertThat(new Leases(b.db).tryTake(Leases.Work.PLANNING)).isTrue();
            // nothing more: the holder stops talking to the server, as a stopped process does
            holding.countDown();
            await(thaw);
        }));
        holding.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        eventually(() -> !a.stages.planning().plan().skipped());
        assertThat(a.jdbc.queryForObject("select count(*) from notice", Integer.class)).isEqualTo(1);
        thaw.countDown();
        assertThatThrownBy(() -> frozen.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
    }

    @Test
    void sendingGoesOnOnItsOwnTimerWhilePlanningIsFrozen() throws Exception {
        dueInThreeDays();
        assertThat(a.stages.planning().plan().planned()).hasSize(1);
        CountDownLatch thaw = new CountDownLatch(1);
        AdviceWith.adviceWith(a.camel, "cycle.plan", r -> r.weaveAddFirst().process(e -> await(thaw)));
        AdviceWith.adviceWith(a.camel, "cycle.schedule", r -> r.replaceFromWith("seda:tick"));
        try {
            a.camel.getRouteController().startRoute("cycle.schedule");
            a.camel.createProducerTemplate().sendBody("seda:tick", null); // the cycle now hangs in planning
            a.camel.getRouteController().startRoute("cycle.dispatch-schedule");
            assertThat(mail.waitForIncomingEmail(HANG_GUARD_SECONDS * 1000, 1)).isTrue();
            eventually(() -> a.jdbc.queryForList("select status from notice", String.class).equals(List.of("SENT")));
            assertThat(a.camel.getInflightRepository().size("cycle.schedule")).isEqualTo(1); // still frozen in planning
        } finally {
            thaw.countDown();
        }
    }

    @Test
    void matchingIsSkippedWhileAnotherInstanceMatchesAndItsReceiptsWaitForTheNextRun() throws Exception {
        ledger(a, 3, "2026-03-20");
        a.runDay(DAY);
        importStatement(b, 3);
        try (HeldLock matcher = HeldLock.take(a.dataSource, 7303)) {
            MatchReport skipped = CompletableFuture.supplyAsync(() -> b.stages.reconciliation().matchNewReceipts())
                    .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(skipped.skipped()).isTrue();
            assertThat(a.jdbc.queryForList("select distinct status from receipt", String.class)).containsExactly("NEW");
        }
        assertThat(b.stages.reconciliation().matchNewReceipts().count("MATCHED")).isEqualTo(3);
    }

    @Test
    void twoInstancesMatchingTheSameNewReceiptsAtOnceAllocateEachOnce() throws Exception {
        int n = 300;
        ledger(a, n, "2026-03-20");
        a.runDay(DAY);
        importStatement(a, n);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<MatchReport>> runs = new ArrayList<>();
        for (CycleFixture instance : List.of(a, b)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return instance.stages.reconciliation().matchNewReceipts();
            }));
        }
        int matched = 0;
        for (CompletableFuture<MatchReport> run : runs) {
            matched += (int) run.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).count("MATCHED");
        }
        assertThat(matched).isEqualTo(n);
        assertThat(a.jdbc.queryForObject("select count(*) from allocation", Integer.class)).isEqualTo(n);
        assertThat(a.jdbc.queryForObject("select count(distinct receipt_id) from allocation", Integer.class)).isEqualTo(n);
        assertThat(a.jdbc.queryForObject("select count(*) from posting", Integer.class)).isEqualTo(n);
    }

    @Test
    void aStatementImportedIsDoneEvenWhenMatchingItRightAfterFails() throws Exception {
        ledger(a, 1, "2026-03-20");
        a.runDay(DAY);
        AdviceWith.adviceWith(a.camel, "cycle.match", r -> r.weaveAddFirst()
                .throwException(new IllegalStateException("another instance's allocation is in the way")));
        a.camel.getRouteController().startRoute("camt.watch-statements");
        a.drop("statements/inbox", "st.xml", statement(1));
        eventually(() -> children(a.folder("statements/inbox/.done")).anyMatch(p -> p.toString().endsWith("-st.xml")));
        assertThat(children(a.folder("statements/inbox/.failed"))).isEmpty();
        assertThat(a.jdbc.queryForList("select status from receipt", String.class)).containsExactly("NEW");
    }

    @Test
    void postBackIsSkippedWhileAnotherInstanceHoldsItsLeaseAndNothingIsPostedTwice() throws Exception {
        ledger(a, 2, "2026-03-20");
        a.runDay(DAY);
        importStatement(a, 2);
        a.stages.reconciliation().matchNewReceipts();
        try (HeldLock poster = HeldLock.take(a.dataSource, 7304)) {
            assertThat(CompletableFuture.supplyAsync(() -> b.stages.postBack().postPending())
                    .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEmpty();
            assertThat(a.jdbc.queryForList("select distinct status from posting", String.class)).containsExactly("PENDING");
        }
        assertThat(b.stages.postBack().postPending()).singleElement()
                .satisfies(batch -> assertThat(batch.documentNumbers()).hasSize(2));
        assertThat(a.stages.postBack().postPending()).isEmpty();
    }

    /** One invoice ingested ten days ago, due on 5 March: today (2 March) its pre-due reminder is to be planned. */
    private void dueInThreeDays() {
        ledger(a, 1, "2026-03-05");
        a.runDay(DAY.minusDays(10));
        a.clock.set(DAY);
    }

    /** {@code n} invoices INV-2026-1.. of 100.00 EUR each, one customer each, due on {@code due}, in a's inbox. */
    private static void ledger(CycleFixture instance, int n, String due) {
        StringBuilder csv = new StringBuilder(CollectionCycleIT.HEADER);
        for (int i = 1; i <= n; i++) {
            csv.append(i).append(",INV-2026-").append(i).append(",C").append(i).append(",Customer ").append(i)
                    .append(",ap").append(i).append("@customer.example,en,2026-02-01,").append(due).append(",EUR,100.00,\n");
        }
        instance.drop("ledger/inbox", "ledger.csv", csv.toString());
    }

    /** A statement paying each of the {@code n} invoices in full, quoting its RF reference. */
    private static String statement(int n) {
        return Camt.statement("S1", IntStream.rangeClosed(1, n).mapToObj(i -> Camt.credit("ASR-" + i, "100.00",
                CreditorReference.forBody("INV2026" + i).value(), null)).toArray(String[]::new));
    }

    private static void importStatement(CycleFixture instance, int n) {
        instance.stages.statements().importStatement("st.xml", new ByteArrayInputStream(statement(n).getBytes(StandardCharsets.UTF_8)));
    }

    private static Stream<Path> children(Path folder) {
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            return files.map(p -> p.getFileName()).toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the two instances did not start together", e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < HANG_GUARD_SECONDS * 10 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** An advisory lock held by a transaction outside both instances (a third instance busy with that work). */
    private record HeldLock(Connection connection) implements AutoCloseable {
        static HeldLock take(DataSource dataSource, long key) throws SQLException {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + key + ")");
            }
            return new HeldLock(c);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
