package io.recoup.core.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the planner needs to know of one item: its due date, whether money is still owed and the steps already
 * planned for it (so a step is never planned twice, and never an earlier one after a later one).
 */
public record PlanningItem(long itemId, LocalDate dueDate, boolean collectable, Set<String> plannedSteps) {
    public PlanningItem {
        Objects.requireNonNull(dueDate, "dueDate");
        plannedSteps = Set.copyOf(plannedSteps);
    }
}
