package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.EmbeddedDatabase;
import io.recoup.store.TemporaryFolders;
import io.recoup.store.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three {@code serve} processes on one PostgreSQL, sharing their inbox folders and their payments folder, sending to
 * one SMTP server: the first leader is killed with SIGKILL while the ledger is being planned and sent and statements
 * matched, the next leader is frozen with SIGSTOP while it holds the lead, and the third goes on sending and takes the
 * lead over once the frozen one's lease expires. At the end nothing was sent twice (but for the sends a crash left
 * unclear, which the store marks as possible duplicates), nothing posted twice, and nothing lost. Prints the e-mails
 * per second with three instances sending and with one.
 */
class ThreeInstancesIT {
    private static final int CUSTOMERS = 600;
    private static final int PAYMENTS = 20;
    private static final long HANG_GUARD_TENTHS = 1800;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<RecoupProcess> instances = new ArrayList<>();
    private Path shared;

    @AfterEach
    void stop() throws Exception {
        for (RecoupProcess instance : instances) {
            instance.signal("CONT");
            instance.close();
        }
        smtp.stop();
    }

    @Test
    void killedAndFrozenInstancesNeitherStopTheOthersNorMakeThemSendOrPostTwice() throws Exception {
        smtp.start();
        EmbeddedDatabase server = TestDatabase.server();
        String database = "recoup_three_" + ProcessHandle.current().pid();
        new JdbcTemplate(server.dataSource()).execute("create database " + database);
        JdbcTemplate db = new JdbcTemplate(server.dataSource(database));
        shared = TemporaryFolders.create("recoup-three");
        for (int i = 1; i <= 3; i++) {
            instances.add(start(i, "jdbc:postgresql://localhost:" + server.port() + "/" + database));
        }
        for (RecoupProcess instance : instances) {
            assertThat(instance.awaitLine(l -> l.contains("Started RecoupApplication"))).as(instance.output()).isPresent();
        }
        drop("ledger/inbox", "ledger.csv", ledger());
        eventually(() -> smtp.getReceivedMessages().length >= CUSTOMERS / 10);

        RecoupProcess first = leader();
        long firstMails = System.nanoTime();
        int mailsBefore = smtp.getReceivedMessages().length;
        payments(0, PAYMENTS / 2);
        eventually(() -> smtp.getReceivedMessages().length >= CUSTOMERS / 4);
        double threeRate = rate(mailsBefore, firstMails);
        first.kill(); // SIGKILL while planning, matching, posting and sending go on

        eventually(() -> leaderOrNull() != null);
        RecoupProcess frozen = leader();
        frozen.signal("STOP");
        RecoupProcess last = instances.stream().filter(p -> p != first && p != frozen).findFirst().orElseThrow();
        int whileFrozen = smtp.getReceivedMessages().length;
        long frozenAt = System.nanoTime();
        payments(PAYMENTS / 2, PAYMENTS);
        eventually(() -> smtp.getReceivedMessages().length > whileFrozen + CUSTOMERS / 10);
        double oneRate = rate(whileFrozen, frozenAt);
        assertThat(last.awaitLine(l -> l.contains("recoup-cycle: this instance leads"))).as(last.output()).isPresent();
        eventually(() -> count(db, "select count(*) from receipt where status = 'MATCHED'") == PAYMENTS);
        frozen.signal("CONT");

        eventually(() -> count(db, "select count(*) from notice where status in ('PLANNED', 'SENDING')") == 0
                && count(db, "select count(*) from posting where status = 'PENDING'") == 0
                && count(db, "select count(*) from notice") > 0);
        assertNothingTwiceAndNothingLost(db);
        System.out.printf("e-mails per second: %.1f with three instances sending, %.1f with one (the others killed or frozen)%n",
                threeRate, oneRate);
    }

    private void assertNothingTwiceAndNothingLost(JdbcTemplate db) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            copies.merge(messageId(m), 1, Integer::sum);
        }
        Set<String> mayBeTwice = new HashSet<>(db.queryForList(
                "select '<notice-' || id || '@recoup>' from notice where possible_duplicate", String.class));
        assertThat(copies).allSatisfy((id, n) -> assertThat(n).as(id).isLessThanOrEqualTo(mayBeTwice.contains(id) ? 2 : 1));
        assertThat(copies.keySet()).as("one message per notice sent by e-mail")
                .hasSize(count(db, "select count(*) from notice where status = 'SENT' and channel = 'EMAIL'"));
        assertThat(count(db, "select count(*) from receipt where status <> 'MATCHED'")).as("receipts left").isZero();
        List<String> posted = new ArrayList<>();
        try (Stream<Path> files = Files.list(shared.resolve("ledger/payments"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("payments-.*\\.csv")).toList()) {
                List<String> lines = Files.readAllLines(file);
                lines.subList(1, lines.size()).forEach(l -> posted.add(l.substring(0, l.indexOf(','))));
            }
        }
        assertThat(posted).as("document numbers in the shared payments folder").doesNotHaveDuplicates().hasSize(PAYMENTS);
    }

    private RecoupProcess start(int n, String url) throws IOException {
        Path home = shared.resolve("instance-" + n);
        Files.createDirectories(home);
        return RecoupProcess.start("serve", "--recoup.home=" + home, "--server.port=0",
                "--recoup.database.url=" + url, "--recoup.database.username=postgres", "--recoup.database.password=",
                "--recoup.ledger.inbox=" + shared.resolve("ledger/inbox"), "--recoup.statements.inbox=" + shared.resolve("statements/inbox"),
                "--recoup.ledger.payments=" + shared.resolve("ledger/payments"), "--recoup.ledger.rejected=" + shared.resolve("ledger/rejected"),
                "--recoup.mail.host=127.0.0.1", "--recoup.mail.port=" + smtp.getSmtp().getPort(), "--recoup.mail.starttls=false",
                "--recoup.mail.from=ar@three.example", "--recoup.creditor.name=Three Instances AG",
                "--recoup.creditor.iban=DE02120300000000202051", "--recoup.cycle.period=1000", "--recoup.dispatch.period=500",
                "--recoup.poll-delay=300", "--recoup.cluster.lease-expiry=4s");
    }

    /** Customers with one overdue invoice each, due in November so every one of them is reminded today. */
    private static String ledger() {
        StringBuilder csv = new StringBuilder("invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,"
                + "due_date,currency,amount,open_amount\n");
        for (int i = 1; i <= CUSTOMERS; i++) {
            csv.append(i).append(",INV-").append(i).append(",C").append(i).append(",Customer ").append(i).append(",ap").append(i)
                    .append("@customer.example,en,2026-10-01,2026-11-0").append(1 + i % 9).append(",EUR,100.00,\n");
        }
        return csv.toString();
    }

    /** Statements paying invoices {@code from + 1} to {@code to} in full, one file each, quoting their RF references. */
    private void payments(int from, int to) throws IOException {
        for (int i = from + 1; i <= to; i++) {
            drop("statements/inbox", "st-" + i + ".xml", CamtCredits.credit("PAY-" + i, "100.00", "2026-11-21",
                    "<RmtInf><Strd><CdtrRefInf><Ref>" + CreditorReference.forBody("INV" + i).value() + "</Ref></CdtrRefInf></Strd></RmtInf>"));
        }
    }

    private void drop(String folder, String name, String content) throws IOException {
        Path dir = shared.resolve(folder);
        Files.createDirectories(dir);
        Path part = dir.resolve(name + ".part");
        Files.writeString(part, content);
        Files.move(part, dir.resolve(name)); // whole files only, as an ERP's export would appear
    }

    /** The live instance whose output says it leads the cycle last. */
    private RecoupProcess leader() {
        RecoupProcess leader = leaderOrNull();
        assertThat(leader).as("an instance leads the cycle").isNotNull();
        return leader;
    }

    private RecoupProcess leaderOrNull() {
        return instances.stream().filter(RecoupProcess::isAlive)
                .filter(p -> p.lastIndexOf("recoup-cycle: this instance leads") > p.lastIndexOf("recoup-cycle: the session holding"))
                .findFirst().orElse(null);
    }

    private double rate(int mailsBefore, long since) {
        return (smtp.getReceivedMessages().length - mailsBefore) / ((System.nanoTime() - since) / 1e9);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(JdbcTemplate db, String sql) {
        return db.queryForObject(sql, Integer.class);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < HANG_GUARD_TENTHS && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
