package io.recoup.core.lifecycle;

/**
 * Where one presentation of a SEPA direct debit stands. {@code REJECTED}, {@code RETURNED} and {@code CANCELLED}
 * are final: a new attempt is a new presentation. The moves between them are {@link CollectionLifecycle}.
 */
public enum CollectionStatus {
    /** Created; the pre-notification has not gone out yet. */
    PLANNED(false),
    /** The debtor was told amount, date, mandate reference and creditor identifier. */
    PRE_NOTIFIED(false),
    /** In a pain.008 file. */
    SUBMITTED(false),
    /** The bank accepted it (pain.002 ACCP, ACSC, ACTC, ACWC). */
    ACCEPTED(false),
    /** Refused (pain.002 RJCT), before settlement or, late, after it. */
    REJECTED(true),
    /** Returned, refunded or reversed (camt RtrInf or reversal). */
    RETURNED(true),
    /** The collection date passed without a reject: the money is allocated to the item. */
    SETTLED(false),
    /** Withdrawn before it went into a file. */
    CANCELLED(true);

    private final boolean isFinal;

    CollectionStatus(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }
}
