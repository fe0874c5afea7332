package io.recoup.core.event;

import io.recoup.core.id.NoticeId;

/** What the planner decided. */
public sealed interface PlannerEvent extends RecoupEvent {

    @Override
    default String actor() {
        return "planner";
    }

    /** A notice planned for its lead step over the items numbered {@code items} (comma-separated). */
    record NoticePlanned(NoticeId notice, String leadStep, String items, String reason) implements PlannerEvent {
        @Override public Subject subject() { return Subject.notice(notice); }
        @Override public String what() { return "planned " + leadStep + " for " + items; }
        @Override public String why() { return reason; }
    }

    /** A step of the ladder left out for the item, with why ("its payment link was opened on ..."); recorded once. */
    record StepSkipped(io.recoup.core.ledger.OpenItemKey item, String step, String reason) implements PlannerEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "step " + step + " skipped"; }
        @Override public String why() { return reason; }
    }
}
