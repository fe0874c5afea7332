package io.recoup.core.lifecycle;

/**
 * What a posting applies in the source ledger: an allocation ({@code PAYMENT}, document {@code RCP-<allocation>})
 * or, once, its undoing after a settled direct debit came back ({@code REVERSAL}, {@code RCP-<allocation>-R}, the
 * opposite sign). Both kinds follow {@link PostingLifecycle}.
 */
public enum PostingKind {
    PAYMENT,
    REVERSAL
}
