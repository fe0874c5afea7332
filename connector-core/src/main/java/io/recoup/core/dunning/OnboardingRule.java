package io.recoup.core.dunning;

import io.recoup.core.dunning.Decision.Outcome;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.Ladder;
import io.recoup.core.policy.Onboarding;
import io.recoup.core.policy.PolicyStep;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The onboarding rule for an item whose most advanced due step is a firm escalation (agency, legal letter): an item
 * that has had no step at all gets the ladder's latest reminder instead, stating a grace period; during the grace
 * period the escalation waits; after it, the escalation fires as the ladder says. A person's send-now is not held up.
 */
final class OnboardingRule {
    private final Onboarding settings;

    OnboardingRule(Onboarding settings) {
        this.settings = settings;
    }

    /** Whether the rule has a say about {@code step}: a firm escalation, under a policy that has the rule on. */
    boolean governs(Ladder.Occurrence step) {
        return settings.enabled() && step.escalation().map(e -> e.kind().firm()).orElse(false);
    }

    /**
     * Steps in for {@code escalation} when the item has had no step yet (the reminder goes first) or its grace period
     * still runs (a decision says until when); true when it did, false when the escalation may fire.
     */
    boolean intercept(DunningItem item, List<Ladder.Occurrence> ladder, Ladder.Occurrence escalation, LocalDate today,
                      long daysFromDue, Consumer<DueStep> due, Consumer<Decision> decided) {
        Optional<OnboardingStep> earlier = OnboardingStep.among(item.stepsDone());
        if (earlier.isPresent()) {
            OnboardingStep step = earlier.get();
            if (today.isBefore(step.escalationFrom())) {
                decided.accept(new Decision(item.itemId(), item.number(), Outcome.NOTHING_DUE, () -> "step '" + escalation.key()
                        + "' waits for the onboarding grace period: the first reminder of " + step.on() + " asked for payment by "
                        + step.payBy() + ", so no escalation before " + step.escalationFrom()));
                return true;
            }
            return false;
        }
        if (!item.stepsDone().isEmpty()) {
            return false;
        }
        OnboardingStep step = new OnboardingStep(today, settings.graceDays());
        Optional<Ladder.Occurrence> reminder = latestReminder(ladder, escalation);
        List<Channel> channels = reminder.map(Ladder.Occurrence::channels).orElse(List.of(Channel.EMAIL));
        String instead = reminder.map(r -> "reminder '" + r.key() + "'").orElse("a reminder by e-mail (the ladder has none)");
        String why = "onboarding: step '" + escalation.key() + "' (" + escalation.escalation().orElseThrow().kind().name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at " + PolicyStep.timing(escalation.offsetDays())
                + ") would be the first contact; " + instead + " first, with a grace period of " + step.graceDays()
                + " day(s): pay by " + step.payBy() + ", no escalation before " + step.escalationFrom() + "; "
                + ItemAssessor.describe(daysFromDue);
        due.accept(new DueStep(item, step.key(), reminder.map(Ladder.Occurrence::rank).orElse(escalation.rank()), channels,
                OnboardingStep.TEMPLATE, true, daysFromDue, why));
        return true;
    }

    /** "; onboarding grace period ended 2026-12-15" for an escalation that waited for one, else nothing. */
    static String afterGrace(DunningItem item) {
        return OnboardingStep.among(item.stepsDone()).map(s -> "; onboarding grace period ended " + s.payBy()).orElse("");
    }

    /** The last step before the escalation that messages the customer (a call or a task does not state a deadline). */
    private static Optional<Ladder.Occurrence> latestReminder(List<Ladder.Occurrence> ladder, Ladder.Occurrence escalation) {
        Ladder.Occurrence latest = null;
        for (Ladder.Occurrence o : ladder) {
            if (o.step().isPresent() && o.rank() < escalation.rank() && o.channels().stream().anyMatch(Channel::reachesCustomer)) {
                latest = o;
            }
        }
        return Optional.ofNullable(latest);
    }
}
