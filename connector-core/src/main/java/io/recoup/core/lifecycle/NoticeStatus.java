package io.recoup.core.lifecycle;

/**
 * Where a notice of the dunning outbox stands, and with it each action (one item on one step) it carries. Every
 * state but {@code PLANNED} is final. The moves are {@link NoticeLifecycle}.
 */
public enum NoticeStatus {
    /** Planned and not carried out yet, also after a deferred delivery. */
    PLANNED,
    /** The message went out on its channel. */
    SENT,
    /** A task for a person (a call, a letter to sign) is open. */
    TASK_OPEN,
    /** Not sent, for a reason recorded with it (channel not configured, no address). */
    SKIPPED,
    /** Bounced, or given up after the last attempt. */
    FAILED,
    /** Nothing left to ask for: the items on it were paid before it went out. */
    CANCELLED;

    public boolean isFinal() {
        return this != PLANNED;
    }

    /**
     * Whether an action in this status counts as its step taken for the item, so the step is not planned again:
     * planned, sent, a task or a recorded skip. A failed or cancelled step may be planned again (on the next channel).
     * SQL says the same in {@code recoup_action_takes_step(status)} (migration V9).
     */
    public boolean takesTheStep() {
        return this == PLANNED || this == SENT || this == TASK_OPEN || this == SKIPPED;
    }
}
