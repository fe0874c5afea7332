package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open items of one matching run, found by RF reference, by invoice-number key and by customer, with what is
 * open now: each allocation lowers an item at once, so later receipts see it, and a paid item is never offered again.
 */
final class OpenBook {
    private final Map<Long, MatchableItem> items;
    private final Map<String, Long> byReference;
    // most keys name one item: one long[] per key, grown only on the rare collision
    private final Map<String, long[]> byKey;
    private final Map<String, List<Long>> byCustomer = new HashMap<>();

    OpenBook(Collection<MatchableItem> open) {
        items = new HashMap<>(open.size() * 2);
        byReference = new HashMap<>(open.size() * 2);
        byKey = new HashMap<>(open.size() * 4);
        open.forEach(this::put);
    }

    void put(MatchableItem item) {
        MatchableItem before = items.put(item.itemId(), item);
        if (before != null) {
            return; // indexes are by id; only the amount changes
        }
        if (item.creditorReference() != null) {
            byReference.put(electronic(item.creditorReference()), item.itemId());
        }
        for (String key : InvoiceNumbers.keysOf(item.number())) {
            long[] ids = byKey.get(key);
            if (ids == null) {
                byKey.put(key, new long[] {item.itemId()});
            } else {
                long[] more = java.util.Arrays.copyOf(ids, ids.length + 1);
                more[ids.length] = item.itemId();
                byKey.put(key, more);
            }
        }
        byCustomer.computeIfAbsent(item.customer(), k -> new ArrayList<>()).add(item.itemId());
    }

    /** The reference as the store keeps it is already electronic; only a printed one needs the work. */
    private static String electronic(String reference) {
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == ' ' || (c >= 'a' && c <= 'z')) {
                return reference.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            }
        }
        return reference;
    }

    MatchableItem get(long itemId) {
        return items.get(itemId);
    }

    /** The item an RF reference names, open or not (a paid one says the payment came twice). */
    Optional<MatchableItem> byReference(String electronic) {
        Long id = byReference.get(electronic);
        return id == null ? Optional.empty() : Optional.of(items.get(id));
    }

    /** The items with something open that any of the keys names, in the order first named. */
    List<MatchableItem> openByKeys(Collection<String> keys) {
        Set<MatchableItem> found = new LinkedHashSet<>();
        for (String key : keys) {
            long[] ids = byKey.get(key);
            if (ids == null) {
                continue;
            }
            for (long id : ids) {
                MatchableItem item = items.get(id);
                if (item.open().isPositive()) {
                    found.add(item);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The customer's items with something open. */
    List<MatchableItem> openOf(String customer) {
        List<MatchableItem> open = new ArrayList<>();
        for (long id : byCustomer.getOrDefault(customer, List.of())) {
            MatchableItem item = items.get(id);
            if (item.open().isPositive()) {
                open.add(item);
            }
        }
        return open;
    }

    /** Lowers the item by an allocation the matcher decided. */
    void allocate(Allocation allocation) {
        MatchableItem item = items.get(allocation.itemId());
        Money rest = item.open().minus(allocation.amount());
        if (rest.isNegative()) {
            throw new IllegalStateException("allocation " + allocation + " exceeds what is open on " + item.number());
        }
        items.put(item.itemId(), item.withOpen(rest));
    }
}
