package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.dispatch.ReminderDispatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatch run hands its messages to a channel one after the other, each answered and committed on its own, and
 * tells the channel when the run is over, so that a channel keeping one connection through a run (SMTP) closes it.
 */
class DispatchRunConnectionIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;
    CycleFixture recoup;
    final List<String> seen = new ArrayList<>();

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void tellsTheChannelOnceWhenTheRunIsOverAfterEveryNoticeWasRecordedAsSent() {
        recoup = new CycleFixture(home, PoisonNoticeIT.DAY, mail.getSmtp().getPort(), this::watching);
        recoup.drop("ledger/inbox", "ledger.csv", PoisonNoticeIT.THREE_CUSTOMERS);

        DayReport day = recoup.runDay(PoisonNoticeIT.DAY);

        assertThat(day.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status)
                .containsExactly(tuple("INV-1", "SENT"), tuple("INV-2", "SENT"), tuple("INV-3", "SENT"));
        assertThat(seen).containsExactly("deliver ap@acme.example: 0 sent before", "deliver ap@beta.example: 1 sent before",
                "deliver ap@gamma.example: 2 sent before", "end of run: 3 sent");
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    /**
     * While a message is with its channel, the next notice is already claimed and rendered, its transaction open and
     * waiting, and handed over (committed as being sent) only once the message before it is recorded as sent: never
     * two notices being sent at once, so a crash leaves at most one send in doubt.
     */
    @Test
    void theNextNoticeIsPreparedWhileAMessageIsOutButHandedOverOnlyOnceThatOneIsRecorded() {
        List<String> during = new ArrayList<>();
        recoup = new CycleFixture(home, PoisonNoticeIT.DAY, mail.getSmtp().getPort(), smtp -> new TestChannel(message -> {
            boolean last = message.recipientAddress().equals("ap@gamma.example");
            // looked at from another thread: this one is inside the transaction that records the outcome
            during.add(CompletableFuture.supplyAsync(() -> message.recipientAddress() + ": "
                    + count("select count(*) from notice where status = 'SENDING'") + " being sent, "
                    + (last ? "none left" : openTransactions() + " transactions open")).join());
            return smtp.deliver(message);
        }, smtp.deduplicates()));
        recoup.drop("ledger/inbox", "ledger.csv", PoisonNoticeIT.THREE_CUSTOMERS);

        DayReport day = recoup.runDay(PoisonNoticeIT.DAY);

        // the two open: the one that will record this message's outcome, and the next notice's, prepared and waiting
        assertThat(during).containsExactly("ap@acme.example: 1 being sent, 2 transactions open",
                "ap@beta.example: 1 being sent, 2 transactions open", "ap@gamma.example: 1 being sent, none left");
        assertThat(day.dispatch().actions()).extracting(DispatchReport.Dispatched::status).containsExactly("SENT", "SENT", "SENT");
        assertThat(count("select count(*) from notice where status = 'SENT'")).isEqualTo(3);
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    /**
     * A message that stays with its channel longer than {@link ReminderDispatch#AHEAD_WAIT}: the next notice's prepared
     * transaction gives way (rolls back) instead of holding the run, and is claimed again once the slow one is recorded;
     * every notice goes out once, in order.
     */
    @Test
    void aSlowSendLetsTheNextPreparedNoticeRollBackAndBeClaimedAgainAfterIt() {
        List<String> during = new ArrayList<>();
        recoup = new CycleFixture(home, PoisonNoticeIT.DAY, mail.getSmtp().getPort(), smtp -> new TestChannel(message -> {
            if (message.recipientAddress().equals("ap@acme.example")) {
                java.util.concurrent.locks.LockSupport.parkNanos(ReminderDispatch.AHEAD_WAIT.plusSeconds(2).toNanos());
                // the prepared one gave way: nothing but this notice is being sent or holds a transaction of its own
                during.add(CompletableFuture.supplyAsync(() -> count("select count(*) from notice where status = 'SENDING'")
                        + " being sent, " + count("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and state = 'idle in transaction'") + " transaction open").join());
            }
            return smtp.deliver(message);
        }, smtp.deduplicates()));
        recoup.drop("ledger/inbox", "ledger.csv", PoisonNoticeIT.THREE_CUSTOMERS);

        DayReport day = recoup.runDay(PoisonNoticeIT.DAY);

        assertThat(during).containsExactly("1 being sent, 1 transaction open");
        assertThat(day.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status)
                .containsExactly(tuple("INV-1", "SENT"), tuple("INV-2", "SENT"), tuple("INV-3", "SENT"));
        assertThat(count("select count(*) from notice where status = 'SENT'")).isEqualTo(3);
        assertThat(mail.getReceivedMessages())
                .extracting(m -> ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress())
                .containsExactly("ap@acme.example", "ap@beta.example", "ap@gamma.example");
    }

    /** Transactions of this database open and idle (as the prepared notice's waits), looked at until two are or 5 s passed. */
    private int openTransactions() {
        String sql = "select count(*) from pg_stat_activity where datname = current_database() and state = 'idle in transaction'";
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        int waiting = count(sql);
        while (waiting < 2 && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            waiting = count(sql);
        }
        return waiting;
    }

    private int count(String sql) {
        return recoup.jdbc.queryForObject(sql, Integer.class);
    }

    /** {@code smtp}, noting each hand-over with how many notices were already committed as sent, and the end of the run. */
    private ReminderChannel watching(ReminderChannel smtp) {
        return new ReminderChannel() {
            @Override
            public Channel channel() {
                return smtp.channel();
            }

            @Override
            public DeliveryResult deliver(ReminderMessage message) {
                seen.add("deliver " + message.recipientAddress() + ": " + sent() + " sent before");
                return smtp.deliver(message);
            }

            @Override
            public boolean deduplicates() {
                return smtp.deduplicates();
            }

            @Override
            public void endOfRun() {
                seen.add("end of run: " + sent() + " sent");
                smtp.endOfRun();
            }
        };
    }

    private int sent() {
        return recoup.jdbc.queryForObject("select count(*) from notice where status = 'SENT'", Integer.class);
    }
}
