package io.recoup.core.event;

/**
 * One change of state as the event log records it: who acted, on what, what happened and why. There is one record
 * per kind of change, grouped by who acts (ingestion, the planner, dispatch, the matcher, post-back, direct debit, a
 * person); each renders its {@link #what()} and {@link #why()} the way the audit trail and the dashboard show them.
 */
public sealed interface RecoupEvent
        permits IngestEvent, PlannerEvent, DispatchEvent, MatcherEvent, PostBackEvent, DirectDebitEvent, PersonEvent {

    /** The stage or the person that acted. */
    String actor();

    /** The row the event is about. */
    Subject subject();

    String what();

    /** Why it happened or what came of it; null when the event says it all. */
    String why();
}
