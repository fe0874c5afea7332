package io.recoup.core.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one day, which step of the policy each open item is due for. It plans only the most advanced step
 * that is due, so after downtime a customer gets the step that fits today, never a stale pre-due reminder for an
 * overdue item; a step already planned, or earlier than one already planned, is never planned again.
 */
public final class CollectionPlanner {
    private final CollectionPolicy policy;

    public CollectionPlanner(CollectionPolicy policy) {
        this.policy = policy;
    }

    public CollectionPolicy policy() {
        return policy;
    }

    public Optional<PlannedAction> plan(PlanningItem item, LocalDate today) {
        if (!item.collectable()) {
            return Optional.empty();
        }
        long daysFromDue = ChronoUnit.DAYS.between(item.dueDate(), today);
        Optional<PolicyStep> due = policy.latestStepDue(daysFromDue);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        PolicyStep step = due.get();
        int index = policy.indexOf(step.id());
        int highestPlanned = item.plannedSteps().stream().mapToInt(policy::indexOf).max().orElse(-1);
        if (highestPlanned >= index) {
            return Optional.empty();
        }
        return Optional.of(new PlannedAction(item.itemId(), step, item.dueDate().plusDays(step.offsetDays()), today,
                policy.id(), policy.version(), reason(step, daysFromDue, highestPlanned, index)));
    }

    private String reason(PolicyStep step, long daysFromDue, int highestPlanned, int index) {
        StringBuilder reason = new StringBuilder("policy ").append(policy.id()).append(" v").append(policy.version())
                .append(": step '").append(step.id()).append("' fires at ").append(step.timing()).append("; item is ")
                .append(describe(daysFromDue));
        List<String> superseded = new ArrayList<>();
        for (int i = highestPlanned + 1; i < index; i++) {
            superseded.add(policy.steps().get(i).id());
        }
        if (!superseded.isEmpty()) {
            reason.append("; superseded without sending (catch-up): ").append(String.join(", ", superseded));
        }
        return reason.toString();
    }

    private static String describe(long daysFromDue) {
        if (daysFromDue == 0) {
            return "due today";
        }
        return daysFromDue < 0 ? "due in " + -daysFromDue + " day(s)" : daysFromDue + " day(s) past due";
    }
}
