package io.recoup.core.dunning;

import io.recoup.core.dunning.Decision.Outcome;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.Ladder;
import io.recoup.core.policy.PolicyStep;
import io.recoup.core.policy.SkipIf;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides, for one item on one day, which step (if any) it is due for: minimum amount, holds, promises and payment
 * plans first, then the ladder. Only the most advanced ladder step that is due fires, and never one at or below a
 * step already taken, so catch-up after downtime sends the step that fits today and nothing stale; a firm escalation
 * that would be the item's first contact goes through the onboarding rule first.
 */
final class ItemAssessor {
    private final DunningPolicy policy;
    private final OnboardingRule onboarding;

    ItemAssessor(DunningPolicy policy) {
        this.policy = policy;
        this.onboarding = new OnboardingRule(policy.onboarding());
    }

    /** Adds the steps the item is due for to {@code due}, or a decision saying why none. */
    void assess(DunningItem item, List<Ladder.Occurrence> ladder, LocalDate today, Consumer<DueStep> due, Consumer<Decision> decided) {
        assess(item, ladder, List.of(), today, due, decided);
    }

    /** As above, with what the customer did with the messages about the item ({@code engagement}, for a step's skip-if). */
    void assess(DunningItem item, List<Ladder.Occurrence> ladder, List<Engagement> engagement, LocalDate today,
                Consumer<DueStep> due, Consumer<Decision> decided) {
        Money minimum = policy.minimumOpen().get(item.open().currencyCode());
        if (minimum != null && item.open().compareTo(minimum) < 0) {
            decided.accept(new Decision(item.itemId(), item.number(), Outcome.BELOW_MINIMUM,
                    () -> "open " + item.open() + " is below the policy minimum " + minimum));
            return;
        }
        if (!item.holds().isEmpty()) {
            Optional<Hold> hold = Pauses.activeHold(item.holds(), today);
            if (hold.isPresent()) {
                decided.accept(new Decision(item.itemId(), item.number(), Outcome.PAUSED, () -> "paused by " + hold.get()));
                return;
            }
        }
        long daysFromDue = ChronoUnit.DAYS.between(item.dueDate(), today);
        if (item.promise().isPresent() && !item.promise().get().keptGiven(item.open())) {
            PromiseToPay promise = item.promise().get();
            LocalDate lastDay = Pauses.lastDayOf(promise, policy.promiseGraceDays());
            if (Pauses.pending(promise, item.open(), today, policy.promiseGraceDays())) {
                decided.accept(new Decision(item.itemId(), item.number(), Outcome.PAUSED, "paused by a promise to pay "
                        + promise.amount() + " by " + promise.promisedFor() + " (grace until " + lastDay + ")"));
                return;
            }
            if (!item.stepsDone().contains(SpecialSteps.PROMISE_BROKEN)) {
                due.accept(new DueStep(item, SpecialSteps.PROMISE_BROKEN, Integer.MAX_VALUE, List.of(Channel.TASK), "promise-broken", false,
                        daysFromDue, "promise to pay " + promise.amount() + " by " + promise.promisedFor()
                        + " was broken: no payment by " + lastDay));
            }
        }
        if (item.plan().isPresent() && planStillRuns(item, today, daysFromDue, due, decided)) {
            return;
        }
        ladderStep(item, ladder, engagement, today, daysFromDue, due, decided);
    }

    /** Handles an item under a payment plan; returns false once the plan is broken and the ladder takes over again. */
    private boolean planStillRuns(DunningItem item, LocalDate today, long daysFromDue, Consumer<DueStep> due, Consumer<Decision> decided) {
        PaymentPlan plan = item.plan().get();
        Optional<PaymentPlan.Numbered> unpaid = plan.firstUnpaid(item.open());
        if (unpaid.isEmpty()) {
            decided.accept(new Decision(item.itemId(), item.number(), Outcome.NOTHING_DUE, "every instalment of the payment plan is paid"));
            return true;
        }
        PaymentPlan.Numbered next = unpaid.get();
        LocalDate instalmentDue = next.instalment().due();
        if (today.isAfter(instalmentDue.plusDays(policy.promiseGraceDays()))) {
            if (!item.stepsDone().contains(SpecialSteps.PLAN_BROKEN)) {
                due.accept(new DueStep(item, SpecialSteps.PLAN_BROKEN, Integer.MAX_VALUE - 1, List.of(Channel.TASK), "payment-plan-broken", false,
                        daysFromDue, "instalment " + next.number() + " of " + next.instalment().amount() + " due " + instalmentDue
                        + " was not paid: the payment plan is broken and the ladder resumes"));
            }
            return false;
        }
        String what = "instalment " + next.number() + "/" + plan.instalments().size() + " of " + next.instalment().amount()
                + " due " + instalmentDue;
        long fromInstalment = ChronoUnit.DAYS.between(instalmentDue, today);
        String reminder = "plan-" + next.number() + (fromInstalment > 0 ? "-overdue" : "-reminder");
        if (fromInstalment >= -3 && !item.stepsDone().contains(reminder)) {
            due.accept(new DueStep(item, reminder, 0, List.of(Channel.EMAIL, Channel.SMS),
                    fromInstalment > 0 ? "instalment-overdue" : "instalment-reminder", false, daysFromDue, "payment plan: " + what));
        } else {
            decided.accept(new Decision(item.itemId(), item.number(), Outcome.PAUSED, "ladder paused by a payment plan: " + what));
        }
        return true;
    }

    private void ladderStep(DunningItem item, List<Ladder.Occurrence> ladder, List<Engagement> engagement, LocalDate today,
                            long daysFromDue, Consumer<DueStep> due, Consumer<Decision> decided) {
        Set<String> done = doneOrSkipped(item);
        // each occurrence looked up once: whether it is taken, and the highest one taken
        boolean[] taken = new boolean[ladder.size()];
        int highestDone = -1;
        for (int i = 0; i < taken.length; i++) {
            Ladder.Occurrence o = ladder.get(i);
            if (!done.isEmpty() && done.contains(o.key())) {
                taken[i] = true;
                highestDone = Math.max(highestDone, o.rank());
            }
        }
        Optional<Ladder.Occurrence> forced = item.overrides().isEmpty() ? Optional.empty() : item.overrides().stream()
                .filter(o -> o.kind() == ManualOverride.Kind.SEND_NOW && o.on().equals(today))
                .flatMap(o -> ladder.stream().filter(l -> l.key().equals(o.stepKey()))).filter(l -> !done.contains(l.key())).findFirst();
        Ladder.Occurrence latest = null;
        for (int i = 0; i < taken.length; i++) {
            if (ladder.get(i).offsetDays() <= daysFromDue && !taken[i]) {
                latest = ladder.get(i);
            }
        }
        if (forced.isPresent()) {
            latest = forced.get();
        } else if (latest == null || latest.rank() <= highestDone) {
            int highest = highestDone;
            decided.accept(new Decision(item.itemId(), item.number(), Outcome.NOTHING_DUE, () -> nextStep(ladder, done, item, highest)));
            return;
        } else if (skips(item, latest, engagement, today, decided)) {
            return;
        } else if (onboarding.governs(latest) && onboarding.intercept(item, ladder, latest, today, daysFromDue, due, decided)) {
            return;
        }
        List<String> superseded = new ArrayList<>();
        for (int i = 0; i < taken.length; i++) {
            Ladder.Occurrence o = ladder.get(i);
            if (o.rank() > highestDone && o.rank() < latest.rank() && !taken[i]) {
                superseded.add(o.key());
            }
        }
        String why = (forced.isPresent() ? "sent now on request" : "step '" + latest.key() + "' fires at " + PolicyStep.timing(latest.offsetDays()))
                + "; " + describe(daysFromDue) + (superseded.isEmpty() ? "" : "; superseded without sending (catch-up): "
                + String.join(", ", superseded)) + (onboarding.governs(latest) ? OnboardingRule.afterGrace(item) : "");
        boolean consolidable = latest.step().isPresent();
        due.accept(new DueStep(item, latest.key(), latest.rank(), latest.channels(), latest.template(), consolidable, daysFromDue, why));
    }

    /** True, with the decision said, when the step's skip-if leaves it out for this item (a request to send now does not). */
    private static boolean skips(DunningItem item, Ladder.Occurrence o, List<Engagement> engagement, LocalDate today,
                                 Consumer<Decision> decided) {
        Optional<SkipIf> rule = o.step().flatMap(PolicyStep::skipIf);
        if (rule.isEmpty() || engagement.isEmpty()) {
            return false;
        }
        Optional<String> why = StepSkips.why(rule.get(), engagement, item.dueDate().plusDays(o.offsetDays()), today);
        why.ifPresent(w -> decided.accept(new Decision(item.itemId(), item.number(), Outcome.SKIPPED, o.key(),
                () -> "step '" + o.key() + "' skipped: " + w)));
        return why.isPresent();
    }

    private static Set<String> doneOrSkipped(DunningItem item) {
        if (item.overrides().isEmpty()) {
            return item.stepsDone();
        }
        Set<String> done = new java.util.HashSet<>(item.stepsDone());
        item.overrides().stream().filter(o -> o.kind() == ManualOverride.Kind.SKIP_STEP).forEach(o -> done.add(o.stepKey()));
        return done;
    }

    private static String nextStep(List<Ladder.Occurrence> ladder, Set<String> done, DunningItem item, int highestDone) {
        return ladder.stream().filter(o -> o.rank() > highestDone && !done.contains(o.key())).findFirst()
                .map(o -> "next step '" + o.key() + "' on " + item.dueDate().plusDays(o.offsetDays()))
                .orElse("every step of the ladder has been taken");
    }

    static String describe(long daysFromDue) {
        if (daysFromDue == 0) {
            return "due today";
        }
        return daysFromDue < 0 ? "due in " + -daysFromDue + " day(s)" : daysFromDue + " day(s) past due";
    }
}
