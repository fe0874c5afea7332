package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectionPlannerTest {
    private static final CollectionPolicy POLICY = new CollectionPolicy("default", "1", List.of(
            new PolicyStep("pre-due-email", -3, Channel.EMAIL, "reminder-pre-due"),
            new PolicyStep("due-email", 0, Channel.EMAIL, "reminder-due"),
            new PolicyStep("overdue-call", 3, Channel.CALL, "call-task"),
            new PolicyStep("overdue-whatsapp", 7, Channel.WHATSAPP, "reminder-overdue")));
    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    private final CollectionPlanner planner = new CollectionPlanner(POLICY);

    @Test
    void walksTheLadderOneStepOnEachStepsDayWhenRunDaily() {
        Set<String> planned = new HashSet<>();
        List<String> timeline = new ArrayList<>();
        for (LocalDate day = DUE.minusDays(10); day.isBefore(DUE.plusDays(20)); day = day.plusDays(1)) {
            Optional<PlannedAction> action = planner.plan(new PlanningItem(1, DUE, true, planned), day);
            if (action.isPresent()) {
                planned.add(action.get().step().id());
                timeline.add(day + " " + action.get().step().id());
            }
        }
        assertThat(timeline).containsExactly("2026-03-07 pre-due-email", "2026-03-10 due-email",
                "2026-03-13 overdue-call", "2026-03-17 overdue-whatsapp");
    }

    @Test
    void afterDowntimeSendsOnlyTheMostAdvancedDueStepAndSaysWhatItSuperseded() {
        PlannedAction action = planner.plan(new PlanningItem(1, DUE, true, Set.of()), DUE.plusDays(5)).orElseThrow();
        assertThat(action.step().id()).isEqualTo("overdue-call");
        assertThat(action.scheduledFor()).isEqualTo(DUE.plusDays(3));
        assertThat(action.plannedOn()).isEqualTo(DUE.plusDays(5));
        assertThat(action.reason()).contains("5 day(s) past due").contains("superseded without sending (catch-up): pre-due-email, due-email");
    }

    @Test
    void neverPlansAStepTwiceNorAnEarlierStepAfterALaterOne() {
        assertThat(planner.plan(new PlanningItem(1, DUE, true, Set.of("due-email")), DUE.plusDays(1))).isEmpty();
        assertThat(planner.plan(new PlanningItem(1, DUE, true, Set.of("overdue-call")), DUE.plusDays(4))).isEmpty();
    }

    @Test
    void plansNothingForPaidItemsOrBeforeTheFirstStep() {
        assertThat(planner.plan(new PlanningItem(1, DUE, false, Set.of()), DUE)).isEmpty();
        assertThat(planner.plan(new PlanningItem(1, DUE, true, Set.of()), DUE.minusDays(4))).isEmpty();
    }

    @Test
    void explainsTheRuleThatFired() {
        PlannedAction action = planner.plan(new PlanningItem(7, DUE, true, Set.of()), DUE.minusDays(3)).orElseThrow();
        assertThat(action.reason()).isEqualTo("policy default v1: step 'pre-due-email' fires at due-3; item is due in 3 day(s)");
        assertThat(action.policyVersion()).isEqualTo("1");
    }
}
