package io.recoup.core.lifecycle;

/** What matching makes of a receipt; {@link ReceiptLifecycle} says where each leads. */
public enum ReceiptEvent {
    ALLOCATE_FULLY,
    ALLOCATE_PARTLY,
    LEAVE_UNMATCHED
}
