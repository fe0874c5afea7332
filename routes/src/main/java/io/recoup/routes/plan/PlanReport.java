package io.recoup.routes.plan;

import java.util.List;

/**
 * One planning run: what was planned, how many items were held or paused (with the reasons in the store), and how
 * many the onboarding rule gave a first reminder with a grace period instead of an escalation; {@code skipped} when
 * another instance held the planning lease, so this one planned nothing.
 */
public record PlanReport(List<Planned> planned, long held, long paused, long onboarded, boolean skipped) {

    public PlanReport(List<Planned> planned, long held, long paused, long onboarded) {
        this(planned, held, paused, onboarded, false);
    }

    /** The run of an instance that found another planning. */
    public static PlanReport skippedRun() {
        return new PlanReport(List.of(), 0, 0, 0, true);
    }

    /** One notice the planner added: the invoices on it, the lead step, the channel and why. */
    public record Planned(long noticeId, String invoiceNumbers, String step, String channel, String reason) {}
}
