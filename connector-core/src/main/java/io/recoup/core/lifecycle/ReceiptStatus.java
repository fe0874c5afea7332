package io.recoup.core.lifecycle;

/**
 * Where a receipt stands. After matching, what is left unallocated on an UNMATCHED or PARTLY_ALLOCATED receipt waits in
 * the exceptions queue until a person allocates it by hand, marks it as not ours, or asks for a refund; a receipt the
 * bank sends back (a returned or reversed credit) ends RETURNED, its allocations undone. The moves are
 * {@link ReceiptLifecycle}.
 */
public enum ReceiptStatus {
    /** Recorded, not looked at by the matcher yet. */
    NEW,
    /** Allocated in full (by the matcher or by a person). */
    MATCHED,
    /** Allocated in part; the rest waits in the exceptions queue. */
    PARTLY_ALLOCATED,
    /** Nothing allocated, for the reason recorded with it; waits in the exceptions queue. */
    UNMATCHED,
    /** A person found the money is not for us (e.g. another company's payment): out of the queue, kept on record. */
    NOT_OURS,
    /** A person asked for what is unallocated to be paid back to the payer. */
    REFUND_REQUESTED,
    /** The bank sent the payment back; what it had paid is undone. */
    RETURNED;

    public boolean isFinal() {
        return this == RETURNED;
    }

    /** Whether money of a receipt in this state may still wait in the exceptions queue. */
    public boolean waitsForAPerson() {
        return this == UNMATCHED || this == PARTLY_ALLOCATED;
    }
}
