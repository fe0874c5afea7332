package io.recoup.sepa.returns;

/** What Recoup does after an R-transaction; the item goes back to the collection rule with the reason visible. */
public enum ReturnAction {
    /** Present once more with a new collection date and a new pre-notification (AM04 funds, MS03 unspecified). */
    RE_PRESENT_ONCE,
    /** The mandate cannot be used again: stop it and offer the debtor a payment link instead. */
    STOP_MANDATE_AND_OFFER_PAYMENT_LINK,
    /** The debtor took the money back (refund, MD06): the invoice is open again. */
    REOPEN_ITEM,
    /** No rule for this code: a person decides. */
    NEEDS_PERSON
}
