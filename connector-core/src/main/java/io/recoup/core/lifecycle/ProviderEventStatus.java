package io.recoup.core.lifecycle;

/** Where a stored provider event stands; the moves are {@link ProviderEventLifecycle}. */
public enum ProviderEventStatus {
    /** Stored, waiting for the worker. */
    NEW,
    /** Its effect is applied (or it had none). */
    HANDLED,
    /** It failed for a reason that will not go away; the reason is kept and a person decides. */
    PARKED
}
