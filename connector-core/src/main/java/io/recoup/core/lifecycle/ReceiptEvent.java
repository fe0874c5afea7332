package io.recoup.core.lifecycle;

/** What matching, a person or the bank makes of a receipt; {@link ReceiptLifecycle} says where each leads. */
public enum ReceiptEvent {
    ALLOCATE_FULLY,
    ALLOCATE_PARTLY,
    LEAVE_UNMATCHED,
    /** A person allocates the rest by hand. */
    RESOLVE_FULLY,
    /** A person allocates part of a receipt nothing was allocated from. */
    RESOLVE_PARTLY,
    MARK_NOT_OURS,
    REQUEST_REFUND,
    /** The bank sends the payment back. */
    RETURN
}
