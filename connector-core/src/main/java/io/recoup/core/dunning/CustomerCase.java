package io.recoup.core.dunning;

import java.util.List;
import java.util.Objects;

/** Everything the engine needs to plan one customer. */
public record CustomerCase(CustomerProfile customer, List<DunningItem> items, ContactLog log) {
    public CustomerCase {
        Objects.requireNonNull(customer, "customer");
        items = List.copyOf(items);
        Objects.requireNonNull(log, "log");
    }
}
