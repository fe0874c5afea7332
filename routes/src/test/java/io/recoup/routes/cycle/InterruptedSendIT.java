package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.dispatch.DispatchReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash window of a send, without killing anything: the process "dies" (an {@link Error} no one catches) after
 * the notice was recorded as being sent and before its outcome is committed, either after the mail server accepted
 * the message or before; then a restarted dispatcher runs over the same database and mail server.
 */
class InterruptedSendIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path home;
    CycleFixture recoup;

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void resendsAnEmailInterruptedAfterTheServerAcceptedItAsTheSameMessageAndCountsAPossibleDuplicate() throws Exception {
        long interrupted = crashWhileSendingToAcme(true);
        assertThat(mail.getReceivedMessages()).hasSize(1);

        DispatchReport afterRestart = recoup.dispatchOver(recoup.smtp).dispatch();

        assertThat(afterRestart.actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status,
                DispatchReport.Dispatched::possibleDuplicate).containsExactly(tuple("INV-1", "SENT", true), tuple("INV-2", "SENT", false));
        assertThat(afterRestart.possibleDuplicates()).containsExactly(interrupted);
        // one Message-ID per notice: the repeat is the same message, so the receiving side can drop it
        Map<String, Long> copies = PoisonNoticeIT.messageIds(mail.getReceivedMessages()).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).containsOnlyKeys("<notice-" + interrupted + "@recoup>", "<notice-" + (interrupted + 1) + "@recoup>")
                .containsEntry("<notice-" + interrupted + "@recoup>", 1L + afterRestart.possibleDuplicates().size());
        assertThat(recoup.jdbc.queryForList("select status || ' ' || possible_duplicate from notice order by id", String.class))
                .containsExactly("SENT true", "SENT false");
        assertThat(recoup.jdbc.queryForList("select what from event_log where actor = 'dispatch' and entity = 'notice' and entity_id = ? order by id",
                String.class, String.valueOf(interrupted))).containsExactly("sending", "interrupted_send", "sent");
        assertThat(recoup.dispatchOver(recoup.smtp).dispatch().actions()).isEmpty();
    }

    @Test
    void resendsAnEmailInterruptedBeforeTheServerHadItOnceAndStillCountsAPossibleDuplicate() throws Exception {
        long interrupted = crashWhileSendingToAcme(false);
        assertThat(mail.getReceivedMessages()).isEmpty();

        DispatchReport afterRestart = recoup.dispatchOver(recoup.smtp).dispatch();

        assertThat(afterRestart.possibleDuplicates()).containsExactly(interrupted);
        assertThat(PoisonNoticeIT.messageIds(mail.getReceivedMessages()))
                .containsExactlyInAnyOrder("<notice-" + interrupted + "@recoup>", "<notice-" + (interrupted + 1) + "@recoup>");
    }

    @Test
    void asksAPersonInsteadOfResendingWhenTheChannelCannotRecogniseARepeat() throws Exception {
        long interrupted = crashWhileSendingToAcme(true);

        DispatchReport afterRestart = recoup.dispatchOver(withoutDeduplication(recoup.smtp)).dispatch();

        assertThat(afterRestart.actions()).extracting(DispatchReport.Dispatched::noticeId, DispatchReport.Dispatched::status)
                .containsExactly(tuple(interrupted, "TASK_OPEN"), tuple(interrupted + 1, "SENT"));
        assertThat(afterRestart.actions().get(0).outcome()).isEqualTo("an earlier send on email was interrupted and may have gone "
                + "out; the channel cannot recognise a repeat, so a person checks with the customer before it is sent again");
        assertThat(afterRestart.possibleDuplicates()).isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(recoup.jdbc.queryForList("select status from action order by id", String.class)).containsExactly("TASK_OPEN", "SENT");
    }

    /**
     * Plans a due-email notice for Acme and one for Beta, then dispatches through a channel that dies while sending
     * Acme's, after ({@code accepted}) or before handing it to the mail server; returns Acme's notice id.
     */
    private long crashWhileSendingToAcme(boolean accepted) {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort(), smtp -> dyingOn("ap@acme.example", accepted, smtp));
        recoup.drop("ledger/inbox", "ledger.csv", PoisonNoticeIT.HEADER
                + "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n"
                + "2,INV-2,C2,Beta GmbH,ap@beta.example,en,2026-02-01,2026-03-02,EUR,200.00,\n");
        recoup.runDay(DAY.minusDays(5));
        recoup.clock.set(DAY);
        recoup.stages.planning().plan();

        assertThatThrownBy(() -> recoup.stages.dispatch().dispatch()).isInstanceOf(ProcessDied.class);

        assertThat(recoup.jdbc.queryForList("select n.status || ' ' || a.status from notice n join action a on a.notice_id = n.id "
                + "order by n.id", String.class)).containsExactly("SENDING SENDING", "PLANNED PLANNED");
        return recoup.jdbc.queryForObject("select id from notice where status = 'SENDING'", Long.class);
    }

    /** The process dying: nothing in Recoup catches an Error, so the transaction recording the outcome never commits. */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("simulated SIGKILL");
        }
    }

    private static ReminderChannel dyingOn(String address, boolean afterAccepted, ReminderChannel smtp) {
        return new TestChannel(message -> {
            if (!message.recipientAddress().equals(address)) {
                return smtp.deliver(message);
            }
            if (afterAccepted) {
                smtp.deliver(message);
            }
            throw new ProcessDied();
        }, true);
    }

    private static ReminderChannel withoutDeduplication(ReminderChannel smtp) {
        return new TestChannel(smtp::deliver, false);
    }
}
