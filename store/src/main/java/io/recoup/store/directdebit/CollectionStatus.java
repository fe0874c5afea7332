package io.recoup.store.directdebit;

import java.util.EnumSet;
import java.util.Set;

/** Where one presentation of a direct debit stands. */
public enum CollectionStatus {
    /** Created; the pre-notification has not gone out yet. */
    PLANNED,
    /** The debtor was told amount, date, mandate reference and creditor identifier. */
    PRE_NOTIFIED,
    /** In a pain.008 file. */
    SUBMITTED,
    /** The bank accepted it (pain.002 ACCP, ACSC, ACTC, ACWC). */
    ACCEPTED,
    /** Refused before settlement (pain.002 RJCT). */
    REJECTED,
    /** Returned, refunded or reversed after settlement (camt RtrInf or reversal). */
    RETURNED,
    /** The collection date passed without a reject: the money is allocated to the item. */
    SETTLED,
    /** Withdrawn before it went into a file. */
    CANCELLED;

    /** The states a reject or return may still reach. */
    public static final Set<CollectionStatus> PRESENTED = EnumSet.of(SUBMITTED, ACCEPTED, SETTLED);
}
