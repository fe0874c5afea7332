package io.recoup.core.lifecycle;

/**
 * Where a notice of the dunning outbox stands, and with it each action (one item on one step) it carries. Every
 * state but {@code PLANNED}, {@code SENDING} and {@code SENT} is final: a sent message still fails when its provider
 * reports it undelivered. The moves are {@link NoticeLifecycle}.
 */
public enum NoticeStatus {
    /** Planned and not carried out yet, also after a deferred delivery. */
    PLANNED,
    /** The message went out on its channel. */
    SENT,
    /** A task for a person (a call, a letter to sign, a customer no channel reaches) is open. */
    TASK_OPEN,
    /** Not sent, for a reason recorded with it (rows written before unreachable customers became tasks). */
    SKIPPED,
    /** Bounced, or given up after the last attempt. */
    FAILED,
    /** Nothing left to ask for: the items on it were paid or paused before it went out. */
    CANCELLED,
    /**
     * Handed to its channel, the outcome not recorded yet. Committed before the hand-over, so a notice found in this
     * state that no dispatcher holds was interrupted (a crash between the hand-over and the commit) and may have gone
     * out.
     */
    SENDING,
    /**
     * Parked for a person: dispatch could not carry it out for a reason that will not go away (it cannot be rendered,
     * its channel failed on it). The reason is its outcome; the step counts as taken, so it is not planned again.
     */
    PARKED;

    public boolean isFinal() {
        return this != PLANNED && this != SENDING && this != SENT;
    }

    /**
     * Whether an action in this status counts as its step taken for the item, so the step is not planned again:
     * planned, being sent, sent, a task, a recorded skip or parked for a person. A failed or cancelled step may be
     * planned again (on the next channel). SQL says the same in {@code recoup_action_takes_step(status)} (migration
     * V10).
     */
    public boolean takesTheStep() {
        return this != FAILED && this != CANCELLED;
    }
}
