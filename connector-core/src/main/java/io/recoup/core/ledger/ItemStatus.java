package io.recoup.core.ledger;

/** Where an open item stands from Recoup's point of view. */
public enum ItemStatus {
    /** Money is still owed. */
    OPEN,
    /** Fully paid: by receipts Recoup allocated, or closed in the source ledger. */
    PAID
}
