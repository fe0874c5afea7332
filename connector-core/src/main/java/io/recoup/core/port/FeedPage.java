package io.recoup.core.port;

import io.recoup.core.ledger.OpenItemKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One page of a sync. {@code batch} holds the open items read and the records refused (its origin names the source and
 * the page, e.g. {@code bc-de salesInvoices page 3}); {@code closed} the items the source reports as no longer open
 * (paid, cancelled, credited, deleted), each with the source's reason; {@code seen} every item key the page named,
 * readable or not, and {@code unnamed} how many refused records had no readable key. A full sync closes the items
 * the source no longer lists only when no record of any page was unnamed: an item behind an unreadable record is not
 * gone.
 */
public record FeedPage(LedgerBatch batch, List<Closed> closed, Set<OpenItemKey> seen, int unnamed) {
    /** An item the source no longer has open, and why, in the source's words. */
    public record Closed(OpenItemKey key, String reason) {
        public Closed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public FeedPage {
        Objects.requireNonNull(batch, "batch");
        closed = List.copyOf(closed);
        seen = Set.copyOf(seen);
        if (unnamed < 0 || unnamed > batch.rejectedRows()) {
            throw new IllegalArgumentException(batch.origin() + ": " + unnamed + " unnamed records, but "
                    + batch.rejectedRows() + " were refused");
        }
        for (LedgerBatch.Row row : batch.rows()) {
            if (!seen.contains(row.record().item().key())) {
                throw new IllegalArgumentException(batch.origin() + ": item " + row.record().item().key()
                        + " was read but is not among the keys the page saw");
            }
        }
    }

}
