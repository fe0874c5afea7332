package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open items of one matching run, found by RF reference, by invoice-number key and by customer, with what is
 * open now: each allocation lowers an item at once, so later receipts see it, and a paid item is never offered again.
 * Every index points at the item's one {@link Slot}, so a lookup is one hash probe and an allocation changes what all
 * of them see.
 */
final class OpenBook {
    /** One item and what it has open now. */
    private static final class Slot {
        MatchableItem item;

        Slot(MatchableItem item) {
            this.item = item;
        }
    }

    private static final Slot[] NONE = new Slot[0];

    private final Map<Long, Slot> items;
    private final Map<String, Slot> byReference;
    // most keys name one item: one array per key, grown only on the rare collision
    private final Map<String, Slot[]> byKey;
    private final Map<String, List<Slot>> byCustomer = new HashMap<>();

    OpenBook(Collection<MatchableItem> open) {
        items = new HashMap<>(open.size() * 2);
        byReference = new HashMap<>(open.size() * 2);
        byKey = new HashMap<>(open.size() * 4);
        open.forEach(this::put);
    }

    void put(MatchableItem item) {
        Slot known = items.get(item.itemId());
        if (known != null) {
            known.item = item; // indexes are by slot; only the amount changes
            return;
        }
        Slot slot = new Slot(item);
        items.put(item.itemId(), slot);
        if (item.creditorReference() != null) {
            byReference.put(electronic(item.creditorReference()), slot);
        }
        for (String key : InvoiceNumbers.keysOf(item.number())) {
            Slot[] slots = byKey.get(key);
            if (slots == null) {
                byKey.put(key, new Slot[] {slot});
            } else {
                Slot[] more = Arrays.copyOf(slots, slots.length + 1);
                more[slots.length] = slot;
                byKey.put(key, more);
            }
        }
        byCustomer.computeIfAbsent(item.customer(), k -> new ArrayList<>()).add(slot);
    }

    /** The reference as the store keeps it is already electronic; only a printed one needs the work. */
    static String electronic(String reference) {
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == ' ' || (c >= 'a' && c <= 'z')) {
                return reference.replace(" ", "").toUpperCase(Locale.ROOT);
            }
        }
        return reference;
    }

    MatchableItem get(long itemId) {
        Slot slot = items.get(itemId);
        return slot == null ? null : slot.item;
    }

    /** The item an RF reference names, open or not (a paid one says the payment came twice). */
    Optional<MatchableItem> byReference(String electronic) {
        Slot slot = byReference.get(electronic);
        return slot == null ? Optional.empty() : Optional.of(slot.item);
    }

    /** The items with something open that any of the keys names, in the order first named. */
    List<MatchableItem> openByKeys(Collection<String> keys) {
        Set<MatchableItem> found = null;
        String previous = null;
        for (String key : keys) {
            if (key.equals(previous)) {
                continue; // a word and the run it starts often give the same key
            }
            previous = key;
            for (Slot slot : byKey.getOrDefault(key, NONE)) {
                if (slot.item.open().isPositive()) {
                    if (found == null) {
                        found = new LinkedHashSet<>();
                    }
                    found.add(slot.item);
                }
            }
        }
        return found == null ? List.of() : new ArrayList<>(found);
    }

    /** The customer's items with something open. */
    List<MatchableItem> openOf(String customer) {
        List<Slot> slots = byCustomer.get(customer);
        if (slots == null) {
            return List.of();
        }
        List<MatchableItem> open = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (slot.item.open().isPositive()) {
                open.add(slot.item);
            }
        }
        return open;
    }

    /** Lowers the item by an allocation the matcher decided. */
    void allocate(Allocation allocation) {
        Slot slot = items.get(allocation.itemId());
        Money rest = slot.item.open().minus(allocation.amount());
        if (rest.isNegative()) {
            throw new IllegalStateException("allocation " + allocation + " exceeds what is open on " + slot.item.number());
        }
        slot.item = slot.item.withOpen(rest);
    }
}
