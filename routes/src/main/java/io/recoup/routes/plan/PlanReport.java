package io.recoup.routes.plan;

import java.util.List;

/** One planning run: what was planned and how many items were held or paused (with the reasons in the store). */
public record PlanReport(List<Planned> planned, long held, long paused) {

    /** One notice the planner added: the invoices on it, the lead step, the channel and why. */
    public record Planned(long noticeId, String invoiceNumbers, String step, String channel, String reason) {}
}
