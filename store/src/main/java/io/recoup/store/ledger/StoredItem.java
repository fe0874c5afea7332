package io.recoup.store.ledger;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;

/** An open item as stored, with Recoup's view of what is still open. */
public record StoredItem(long id, OpenItemKey key, long customerId, String number, LocalDate dueDate, Money original,
                         Money open, ItemStatus status, String creditorReference) {}
