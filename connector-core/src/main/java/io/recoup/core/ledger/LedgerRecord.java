package io.recoup.core.ledger;

import java.util.Objects;

/** One open item with its customer, as one record of a source ledger delivers them together. */
public record LedgerRecord(Customer customer, OpenItem item) {
    public LedgerRecord {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(item, "item");
        if (!customer.key().equals(item.customer())) {
            throw new IllegalArgumentException("item " + item.key() + " belongs to " + item.customer()
                    + ", not to " + customer.key());
        }
    }
}
