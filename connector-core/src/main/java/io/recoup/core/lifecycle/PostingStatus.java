package io.recoup.core.lifecycle;

/** Where a posting of the post-back outbox stands; the move is {@link PostingLifecycle}. */
public enum PostingStatus {
    /** Queued, not in the source ledger yet (as far as Recoup knows). */
    PENDING,
    /** In the source ledger: posted by Recoup, or found there already after an unclear failure. */
    POSTED;

    public boolean isFinal() {
        return this == POSTED;
    }
}
