package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The onboarding rule as a timeline: a first run on 2026-12-01 (a Tuesday) over invoices that fell due in March, long
 * past the ladder's escalation, under the ready-made policies with e-mail configured. An escalation to an agency or a
 * lawyer is never the first contact: the latest reminder goes first with a stated grace period.
 */
class OnboardingTimelineTest {
    static final LocalDate FIRST_RUN = LocalDate.of(2026, 12, 1);
    static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);
    static final Set<Channel> EMAIL_ONLY = EnumSet.of(Channel.EMAIL);

    private static Timeline sample(String policy, String tail) {
        return Timeline.bundled(policy, tail, EMAIL_ONLY)
                .with(Timeline.customer(1, Timeline.BERLIN, Channel.reachableWith(true, false), Set.of()))
                .with(Timeline.customer(2, Timeline.BERLIN, Channel.reachableWith(false, true), Set.of()))
                .item(1, 1, MARCH_5, "1190.00").item(1, 2, LocalDate.of(2026, 2, 20), "800.00").item(2, 3, MARCH_5, "640.00");
    }

    @Test
    void aFirstRunSendsTheLatestReminderWithAGracePeriodAndHandsOverToTheAgencyOnlyAfterIt() {
        Timeline t = sample("standard", "");
        assertThat(t.run(FIRST_RUN, 40)).containsExactly(
                "2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email",
                "2026-12-01 C2 INV-3 onboarding@2026-12-01+14 task",
                "2026-12-16 C1 INV-1 escalation agency",
                "2026-12-16 C1 INV-2 escalation agency",
                "2026-12-16 C2 INV-3 escalation agency");
        SimulatedAction first = t.action("2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email");
        assertThat(first.template()).isEqualTo(OnboardingStep.TEMPLATE);
        assertThat(first.reason()).contains("onboarding: step 'escalation' (agency at due+45) would be the first contact; "
                + "reminder 'overdue-repeat#4' first, with a grace period of 14 day(s): pay by 2026-12-15, no escalation before 2026-12-16; "
                + "271 day(s) past due (+1 more item(s) on the same notice)");
        assertThat(t.action("2026-12-01 C2 INV-3 onboarding@2026-12-01+14 task").template()).isEqualTo("no-channel-task");
        assertThat(t.decisions(LocalDate.of(2026, 12, 8), 1)).containsExactly("NOTHING_DUE step 'escalation' waits for the onboarding "
                + "grace period: the first reminder of 2026-12-01 asked for payment by 2026-12-15, so no escalation before 2026-12-16");
        assertThat(t.decisions(LocalDate.of(2026, 12, 15), 3)).singleElement().asString().startsWith("NOTHING_DUE step 'escalation' waits");
        assertThat(t.action("2026-12-16 C1 INV-1 escalation agency").reason()).endsWith("onboarding grace period ended 2026-12-15");
    }

    @Test
    void theGracePeriodIsConfigurable() {
        List<String> sent = sample("standard", "onboarding:\n  grace-days: 7\n").run(FIRST_RUN, 20);
        assertThat(sent).filteredOn(a -> a.contains(" onboarding@2026-12-01+7 ")).hasSize(2);
        assertThat(sent).filteredOn(a -> a.contains(" escalation ")).hasSize(3).allSatisfy(a -> assertThat(a).startsWith("2026-12-09 "));
    }

    @Test
    void aPolicyThatTurnsTheRuleOffEscalatesAtOnceAsBefore() {
        Timeline t = sample("standard", "onboarding:\n  enabled: false\n");
        assertThat(t.run(FIRST_RUN, 20)).hasSize(3).allSatisfy(a -> assertThat(a).startsWith("2026-12-01 C").endsWith(" escalation agency"));
    }

    @Test
    void aLegalLetterIsNeverTheFirstContactEither() {
        Timeline t = sample("strict", "");
        assertThat(t.run(FIRST_RUN, 20)).containsExactly(
                "2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email",
                "2026-12-01 C2 INV-3 onboarding@2026-12-01+14 task",
                "2026-12-16 C1 INV-1 escalation email",
                "2026-12-16 C2 INV-3 escalation task",
                "2026-12-17 C1 INV-2 escalation email"); // one message a day (the strict policy's cap)
        assertThat(t.action("2026-12-01 C1 INV-2,INV-1 onboarding@2026-12-01+14 email").reason())
                .contains("step 'escalation' (legal letter at due+30) would be the first contact; reminder 'overdue-repeat#3' first");
        // no letter channel here: the legal letter goes out by e-mail, and says so
        assertThat(t.action("2026-12-16 C1 INV-1 escalation email").reason()).endsWith("letter: not configured; email instead");
    }

    @Test
    void anItemThatAlreadyHadAReminderEscalatesOnItsDayAndATaskEscalationNeedsNoOnboarding() {
        Timeline standard = Timeline.bundled("standard", EMAIL_ONLY).with(Timeline.customer(1)).item(1, 1, MARCH_5, "100.00");
        assertThat(standard.run(LocalDate.of(2026, 4, 8), 20)).containsExactly(
                "2026-04-08 C1 INV-1 overdue-repeat#3 email",
                "2026-04-09 C1 INV-1 overdue-repeat#4 email",
                "2026-04-20 C1 INV-1 escalation agency");
        assertThat(standard.action("2026-04-20 C1 INV-1 escalation agency").reason()).doesNotContain("onboarding");
        Timeline gentle = Timeline.bundled("gentle-b2b", EMAIL_ONLY).with(Timeline.customer(1)).item(1, 1, MARCH_5, "100.00");
        assertThat(gentle.run(FIRST_RUN, 3)).containsExactly("2026-12-01 C1 INV-1 escalation task");
    }

    @Test
    void onboardingRemindersShareANoticeOnlyWithEachOther() {
        Timeline t = new Timeline("").with(Timeline.customer(1)).item(1, 1, LocalDate.of(2026, 1, 5), "100.00")
                .item(1, 2, FIRST_RUN.plusDays(3), "50.00");
        assertThat(t.run(FIRST_RUN, 1)).containsExactly(
                "2026-12-01 C1 INV-1 onboarding@2026-12-01+14 email",
                "2026-12-01 C1 INV-2 pre-due-email email");
    }

    @Test
    void readsAnOnboardingKeyBackAndNoOtherKey() {
        assertThat(OnboardingStep.parse("onboarding@2026-12-01+14")).contains(new OnboardingStep(FIRST_RUN, 14));
        assertThat(new OnboardingStep(FIRST_RUN, 14).key()).isEqualTo("onboarding@2026-12-01+14");
        assertThat(new OnboardingStep(FIRST_RUN, 14).payBy()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(OnboardingStep.parse("overdue-repeat#2")).isEmpty();
        assertThat(OnboardingStep.parse("onboarding@yesterday+14")).isEmpty();
        assertThat(OnboardingStep.parse("onboarding@2026-12-01+0")).isEmpty();
    }
}
