package io.recoup.core.lifecycle;

/**
 * Where a receipt stands after matching. Every state but {@code NEW} is final: what is left unallocated waits in
 * the exceptions queue for a person. The moves are {@link ReceiptLifecycle}.
 */
public enum ReceiptStatus {
    /** Recorded, not looked at by the matcher yet. */
    NEW,
    /** Allocated in full. */
    MATCHED,
    /** Allocated in part; the rest stays on the receipt. */
    PARTLY_ALLOCATED,
    /** Nothing allocated, for the reason recorded with it. */
    UNMATCHED;

    public boolean isFinal() {
        return this != NEW;
    }
}
