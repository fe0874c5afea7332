package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default policy on an installation with only e-mail configured, day by day: a step whose channels are all
 * unavailable falls back to the step's other channels, then e-mail, then a task for a person, and says so. Customer 1
 * has an e-mail address, customer 2 has none (as the sample ledger's Verde Instalações). Items fall due on 2026-03-10.
 */
class ChannelFallbackTimelineTest {
    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 10);
    static final Set<Channel> EMAIL_ONLY = EnumSet.of(Channel.EMAIL);

    private static Timeline twoCustomers(Set<Channel> configured) {
        return Timeline.bundled("default", configured)
                .with(Timeline.customer(1, Timeline.BERLIN, Channel.reachableWith(true, false), Set.of()))
                .with(Timeline.customer(2, Timeline.BERLIN, Channel.reachableWith(false, true), Set.of()));
    }

    @Test
    void theWhatsAppStepReachesTheCustomerByEmailAndTheCustomerWithoutEmailGetsATask() {
        Timeline t = twoCustomers(EMAIL_ONLY).item(1, 1, DUE, "800.00").item(2, 2, DUE, "640.00");
        assertThat(t.run(START, 40)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-07 C2 INV-2 pre-due-email task",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-10 C2 INV-2 due-email task",
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-13 C2 INV-2 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp email",
                "2026-03-17 C2 INV-2 overdue-whatsapp task",
                "2026-04-09 C1 INV-1 escalation email",
                "2026-04-09 C2 INV-2 escalation task");
        // the legal letter: no letter channel here, so by e-mail (with the PDF, see PdfLetters); without an address a person
        SimulatedAction letter = t.action("2026-04-09 C1 INV-1 escalation email");
        assertThat(letter.template()).isEqualTo("legal-letter");
        assertThat(letter.reason()).contains("step 'escalation' fires at due+30; 30 day(s) past due")
                .endsWith("letter: not configured; email instead");
        assertThat(t.action("2026-04-09 C2 INV-2 escalation task").reason())
                .endsWith("letter: not configured; email: no address on file; no usable channel: a person takes over");
        SimulatedAction byEmail = t.action("2026-03-17 C1 INV-1 overdue-whatsapp email");
        assertThat(byEmail.template()).isEqualTo("reminder-overdue");
        assertThat(byEmail.reason()).endsWith("7 day(s) past due; whatsapp: not configured; email instead");
        assertThat(t.decisions(LocalDate.of(2026, 3, 17), 1)).containsExactly("PLANNED overdue-whatsapp on email: step "
                + "'overdue-whatsapp' fires at due+7; 7 day(s) past due; whatsapp: not configured; email instead");
        SimulatedAction task = t.action("2026-03-17 C2 INV-2 overdue-whatsapp task");
        assertThat(task.template()).isEqualTo("no-channel-task");
        assertThat(task.reason()).endsWith("whatsapp: not configured; email: no address on file; no usable channel: a person takes over");
        assertThat(t.plans.get(LocalDate.of(2026, 3, 17)).get(0).notices().get(0).facts())
                .containsEntry("channel fallback", "whatsapp: not configured; email instead");
    }

    @Test
    void aFirstRunLongAfterTheDueDateContactsEveryOverdueItemOrGivesAPersonATask() {
        // the sample ledger's invoices on a real date: about 270 days overdue, the most advanced step is the legal letter,
        // which may not be the first contact: the WhatsApp step's reminder goes first, with a grace period
        Timeline t = twoCustomers(EMAIL_ONLY).item(1, 1, LocalDate.of(2026, 3, 5), "1190.00").item(1, 2, LocalDate.of(2026, 2, 20), "800.00")
                .item(2, 3, LocalDate.of(2026, 3, 6), "640.00");
        assertThat(t.run(LocalDate.of(2026, 12, 1), 5)).containsExactly(
                "2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email",
                "2026-12-01 C2 INV-3 onboarding@2026-12-01+14 task");
        assertThat(t.action("2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email").reason())
                .contains("step 'escalation' (legal letter at due+30) would be the first contact; reminder 'overdue-whatsapp' first")
                .endsWith("whatsapp: not configured; email instead");
        assertThat(t.action("2026-12-01 C2 INV-3 onboarding@2026-12-01+14 task").reason())
                .endsWith("whatsapp: not configured; email: no address on file; no usable channel: a person takes over");
        assertThat(t.decisions(LocalDate.of(2026, 12, 2), 3)).singleElement().asString()
                .startsWith("NOTHING_DUE step 'escalation' waits for the onboarding grace period");
    }

    @Test
    void anInstallationWithNoMessageChannelAtAllGivesEveryReminderToAPerson() {
        Timeline t = twoCustomers(Set.of()).item(1, 1, DUE, "100.00");
        assertThat(t.run(START, 20)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email task",
                "2026-03-10 C1 INV-1 due-email task",
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp task");
        assertThat(t.action("2026-03-07 C1 INV-1 pre-due-email task").reason())
                .endsWith("email: not configured; no usable channel: a person takes over");
        assertThat(t.action("2026-03-17 C1 INV-1 overdue-whatsapp task").reason())
                .endsWith("whatsapp: not configured; email: not configured; no usable channel: a person takes over");
    }

    @Test
    void anOptOutOfTheStepsChannelAndOfEmailEndsWithAPersonNotASilentSkip() {
        Timeline t = Timeline.bundled("default", EnumSet.of(Channel.EMAIL, Channel.WHATSAPP))
                .with(Timeline.customer(1, Timeline.BERLIN, Channel.reachableWith(true, true), EnumSet.of(Channel.WHATSAPP, Channel.EMAIL)))
                .item(1, 1, DUE, "100.00");
        assertThat(t.run(DUE.plusDays(7), 1)).containsExactly("2026-03-17 C1 INV-1 overdue-whatsapp task");
        assertThat(t.action("2026-03-17 C1 INV-1 overdue-whatsapp task").reason())
                .endsWith("whatsapp: customer opted out; email: customer unsubscribed from e-mail; no usable channel: a person takes over");
    }
}
