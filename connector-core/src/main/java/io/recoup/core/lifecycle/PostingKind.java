package io.recoup.core.lifecycle;

/**
 * What a posting applies in the source ledger: an allocation ({@code PAYMENT}, document
 * {@code <prefix>-<installation id>-<allocation>}) or, once, its undoing after a settled direct debit came back
 * ({@code REVERSAL}, the payment's document number with {@code -R}, the opposite sign). Both kinds follow
 * {@link PostingLifecycle}.
 */
public enum PostingKind {
    PAYMENT,
    REVERSAL
}
