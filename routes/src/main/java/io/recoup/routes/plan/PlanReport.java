package io.recoup.routes.plan;

import java.util.List;

/**
 * One planning run: what was planned, how many items were held or paused (with the reasons in the store), and how
 * many the onboarding rule gave a first reminder with a grace period instead of an escalation.
 */
public record PlanReport(List<Planned> planned, long held, long paused, long onboarded) {

    /** One notice the planner added: the invoices on it, the lead step, the channel and why. */
    public record Planned(long noticeId, String invoiceNumbers, String step, String channel, String reason) {}
}
