package io.recoup.store.plan;

import java.util.Objects;

/**
 * How people know a customer: the ledger's own customer id and the name, as reports show it instead of Recoup's
 * internal number (which differs between databases and between a ledger file and the stored ledger).
 */
public record CustomerName(String ledgerId, String name) {
    public CustomerName {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(name, "name");
    }
}
