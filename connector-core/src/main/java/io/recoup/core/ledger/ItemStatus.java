package io.recoup.core.ledger;

/** Where an open item stands from Recoup's point of view. */
public enum ItemStatus {
    /** Money is still owed. */
    OPEN,
    /** Fully paid: by receipts Recoup allocated, or paid as the source ledger reports it. */
    PAID,
    /**
     * No longer open in the source ledger without Recoup knowing it was paid: cancelled, credited, gone from a full
     * export or sync. Nothing is collected on it; it opens again if the source lists it open again.
     */
    CLOSED
}
