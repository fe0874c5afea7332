package io.recoup.core.policy;

import java.time.LocalDate;

/**
 * A step the planner decided to take for one item, with the policy version and the reason in words, so a person can
 * see later why it was sent. {@code scheduledFor} is the step's own date (due date + offset); {@code plannedOn} is the
 * day the planner ran, which is later after a catch-up.
 */
public record PlannedAction(long itemId, PolicyStep step, LocalDate scheduledFor, LocalDate plannedOn, String policyId,
                            String policyVersion, String reason) {}
