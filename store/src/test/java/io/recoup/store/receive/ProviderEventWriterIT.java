package io.recoup.store.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.port.ProviderEvent;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderEventWriterIT {
    private DataSource dataSource;
    private Database db;
    private ProviderEventWriter writer;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabase.fresh();
        db = new Database(dataSource, MutableClock.at(LocalDate.of(2026, 3, 2)));
        writer = new ProviderEventWriter(new ProviderEvents(db), 2, 50, 10_000);
    }

    @AfterEach
    void closeWriter() throws InterruptedException {
        writer.close();
    }

    /** One writer thread in place of the two: what it takes while the table is locked is known. */
    private ProviderEventWriter singleWriter(int capacity) throws InterruptedException {
        writer.close();
        writer = new ProviderEventWriter(new ProviderEvents(db), 1, 50, capacity);
        return writer;
    }

    private static ProviderEvent event(String id) {
        return new ProviderEvent("stripe", id, "checkout.session.completed", Instant.ofEpochSecond(100),
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Holds the writer's first insert until closed, so what is submitted meanwhile queues up behind it. */
    private Connection lockTable() throws SQLException {
        Connection lock = dataSource.getConnection();
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("lock table provider_event in access exclusive mode");
        }
        return lock;
    }

    private long stored() {
        return db.jdbc().queryForObject("select count(*) from provider_event", Long.class);
    }

    @Test
    void storesConcurrentDeliveriesOnceEachAndCompletesEveryOneOfThem() throws Exception {
        int senders = 8;
        int perSender = 100;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sent.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> waiting = new ArrayList<>();
                    for (int i = 0; i < perSender; i++) {
                        // every sender delivers the same 50 shared events besides its own, and a delivery of two
                        waiting.add(writer.submit(List.of(event("evt_" + sender + "_" + i), event("evt_shared_" + i % 50))));
                    }
                    CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                    return waiting.size();
                }));
            }
            for (Future<Integer> sender : sent) {
                assertThat(sender.get(90, TimeUnit.SECONDS)).isEqualTo(perSender);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored()).isEqualTo(senders * perSender + 50L);
        assertThat(db.jdbc().queryForObject("select count(distinct event_id) from provider_event", Long.class))
                .isEqualTo(stored());
    }

    @Test
    void aFailingDatabaseAnswersEveryWaiterWithTheFailure() {
        db.jdbc().execute("alter table provider_event rename to provider_event_gone");

        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(writer.submit(List.of(event("evt_" + i))));
        }

        for (CompletableFuture<Void> delivery : waiting) {
            assertThatThrownBy(() -> delivery.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ProviderEventWriter.NotStored.class);
        }
        db.jdbc().execute("alter table provider_event_gone rename to provider_event");
        assertThat(writer.submit(List.of(event("evt_after")))).succeedsWithin(Duration.ofSeconds(30));
        assertThat(stored()).as("the writer goes on once the database is back").isEqualTo(1);
    }

    @Test
    void aDeliveryTheDatabaseRefusesFailsAloneAndItsBatchIsStored() throws Exception {
        ProviderEventWriter writer = singleWriter(10_000);
        // a NUL character cannot be stored in a text column: PostgreSQL refuses the whole statement
        ProviderEvent refused = new ProviderEvent("stripe", "evt_\u0000bad", "checkout.session.completed",
                Instant.ofEpochSecond(1), new byte[] {1});
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> bad;
        try (Connection lock = lockTable()) {
            good.add(writer.submit(List.of(event("evt_ok_0"))));
            bad = writer.submit(List.of(refused));
            for (int i = 1; i < 10; i++) {
                good.add(writer.submit(List.of(event("evt_ok_" + i))));
            }
            lock.rollback();
        }

        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ProviderEventWriter.NotStored.class)
                .hasMessageContaining("refused");
        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(stored()).isEqualTo(10);
    }

    @Test
    void closingWritesEveryQueuedDeliveryAndRefusesLaterOnes() throws Exception {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        try (Connection lock = lockTable()) {
            for (int i = 0; i < 300; i++) {
                waiting.add(writer.submit(List.of(event("evt_" + i))));
            }
            lock.rollback();
        }

        // at most 50 of the 300 are written yet: the rest are still queued when close begins
        writer.close();

        assertThat(waiting).allMatch(delivery -> delivery.isDone() && !delivery.isCompletedExceptionally());
        assertThat(stored()).isEqualTo(300);
        assertThatThrownBy(() -> writer.submit(List.of(event("evt_late"))).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ProviderEventWriter.NotStored.class).hasMessageContaining("closed");
    }

    @Test
    void answersAResendOfEventsItSawCommittedWithoutWaitingForTheDatabase() throws Exception {
        writer.submit(List.of(event("evt_1"), event("evt_2"))).get(30, TimeUnit.SECONDS);

        try (Connection lock = lockTable()) {
            assertThat(writer.submit(List.of(event("evt_2")))).as("seen committed").isCompleted();
            CompletableFuture<Void> partlyNew = writer.submit(List.of(event("evt_1"), event("evt_3")));
            assertThat(partlyNew).as("evt_3 waits for the locked table").isNotDone();
            lock.rollback();
            partlyNew.get(30, TimeUnit.SECONDS);
        }
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aLoneDeliveryAfterABatchOfManyIsStoredThoughTheOthersItWaitsForNeverCome() throws Exception {
        ProviderEventWriter writer = singleWriter(10_000);
        List<CompletableFuture<Void>> many = new ArrayList<>();
        try (Connection lock = lockTable()) {
            for (int i = 0; i < 20; i++) {
                many.add(writer.submit(List.of(event("evt_many_" + i))));
            }
            lock.rollback();
        }
        CompletableFuture.allOf(many.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        // the last batch held many: each lone delivery is gathered for a moment, then written by itself
        for (int i = 0; i < 3; i++) {
            assertThat(writer.submit(List.of(event("evt_lone_" + i)))).succeedsWithin(Duration.ofSeconds(30));
        }
        assertThat(stored()).isEqualTo(23);
    }

    @Test
    void aFullQueueRefusesTheDeliveryAtOnce() throws Exception {
        ProviderEventWriter tiny = singleWriter(1);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        try (Connection lock = lockTable()) {
            // the writer's batch waits on the lock and the queue holds one delivery: the rest find no room
            for (int i = 0; i < 20; i++) {
                waiting.add(tiny.submit(List.of(event("evt_" + i))));
            }
            assertThat(waiting).filteredOn(CompletableFuture::isCompletedExceptionally).isNotEmpty();
            lock.rollback();
        }
        List<CompletableFuture<Void>> accepted = waiting.stream().filter(d -> !d.isCompletedExceptionally()).toList();
        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(stored()).isEqualTo(accepted.size());
    }

    @Test
    void theSenderACommitAnsweredJoinsTheDeliveriesThatQueuedDuringThatCommit() throws Exception {
        writer.close();
        // a wide bound for the gathering, so the write's own length (held below) is what limits it
        writer = new ProviderEventWriter(new ProviderEvents(db), 1, 50, 100, Duration.ofMinutes(1));
        CompletableFuture<Void> first;
        List<CompletableFuture<Void>> later = new ArrayList<>();
        try (Connection lock = lockTable()) {
            first = writer.submit(List.of(event("evt_first")));
            awaitWriterWaitingForTheLock();
            later.add(writer.submit(List.of(event("evt_queued_1"))));
            later.add(writer.submit(List.of(event("evt_queued_2"))));
            Thread.sleep(1000); // the write takes this long: the next batch may gather for as long
            lock.rollback();
        }
        first.get(30, TimeUnit.SECONDS);
        // the sender the first commit answered is back with its next delivery while the two that queued meanwhile wait
        later.add(writer.submit(List.of(event("evt_back"))));
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(List.of(transaction("evt_queued_1"), transaction("evt_queued_2"), transaction("evt_back")))
                .as("three senders were in flight as the first commit ended: one batch, one flush").containsOnly(transaction("evt_queued_1"))
                .doesNotContain(transaction("evt_first"));
    }

    private void awaitWriterWaitingForTheLock() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.jdbc().queryForObject("select count(*) from pg_locks where not granted", Long.class) == 0) {
            assertThat(System.nanoTime()).as("the writer's insert waits for the lock").isLessThan(until);
            Thread.sleep(10);
        }
    }

    /** The transaction that wrote {@code eventId}: rows of one statement share it. */
    private String transaction(String eventId) {
        return db.jdbc().queryForObject("select xmin::text from provider_event where event_id = ?", String.class, eventId);
    }
}
