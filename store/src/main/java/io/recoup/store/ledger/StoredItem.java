package io.recoup.store.ledger;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;

/**
 * An open item as stored: the ledger's fields with the database id and Recoup's own open amount and status (the
 * ledger's open amount less allocations not yet posted back). The store's view of {@code OpenItem}, which carries
 * neither.
 */
public record StoredItem(long id, OpenItemKey key, long customerId, String number, LocalDate dueDate, Money original,
                         Money open, ItemStatus status, String creditorReference) {
    /** The same item with another open amount and status (after an allocation or a return). */
    public StoredItem withOpen(Money open, ItemStatus status) {
        return new StoredItem(id, key, customerId, number, dueDate, original, open, status, creditorReference);
    }
}
