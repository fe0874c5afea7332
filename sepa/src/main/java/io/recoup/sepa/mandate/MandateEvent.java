package io.recoup.sepa.mandate;

/** What can happen to a mandate; {@link MandateLifecycle} says in which state each is allowed and where it leads. */
public enum MandateEvent {
    SIGN,
    /** A collection that is not the last was presented. */
    COLLECT,
    /** The one-off collection, or the final one of a recurrent series, was presented. */
    COLLECT_FINAL,
    AMEND_IBAN,
    AMEND_REFERENCE,
    AMEND_CREDITOR_ID,
    CANCEL,
    LAPSE,
    REJECT_BY_BANK
}
