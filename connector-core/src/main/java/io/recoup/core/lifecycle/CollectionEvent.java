package io.recoup.core.lifecycle;

/** What can happen to a presentation of a direct debit; {@link CollectionLifecycle} says where each leads. */
public enum CollectionEvent {
    /** The pre-notification went out. */
    PRE_NOTIFY,
    /** The presentation went into a pain.008 file. */
    SUBMIT,
    /** Its submission day passed before it went into a file: it gets a new date and a new pre-notification. */
    MISS_SUBMISSION_DAY,
    /** Taken out before it went into a file (paid meanwhile, mandate stopped, notice bounced ...). */
    WITHDRAW,
    /** A pain.002 says the bank took it. */
    ACCEPT,
    /** Its collection date passed without a reject. */
    SETTLE,
    /** A pain.002 rejects it. */
    REJECT,
    /** A camt statement returns, refunds or reverses it. */
    RETURN
}
