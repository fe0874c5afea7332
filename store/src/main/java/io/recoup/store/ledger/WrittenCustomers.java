package io.recoup.store.ledger;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The customers one run (a sync of a source, the import of an export) has written, each exactly as written, with its
 * id: a customer whose invoices span many pages is written once per run instead of once per page, and a page that
 * names it again unchanged only looks its id up here. What a chunk writes is kept only once the chunk is in (its
 * savepoint released, {@link #keepChunk()}); a refused chunk's customers are forgotten ({@link #dropChunk()}), since
 * the database forgot them too. A run whose transaction fails stops, and its memo goes with it.
 */
public final class WrittenCustomers {
    private final Map<CustomerKey, Written> kept = new HashMap<>();
    private final Map<CustomerKey, Written> chunk = new HashMap<>();

    /** The version of a customer the run wrote last, and its id. */
    private record Written(Customer version, long id) {}

    /**
     * The id of the customer when the last version of it this run wrote is exactly this one; null when the run did not
     * write it, or wrote another version last (the database holds that one).
     */
    Long idOf(Customer customer) {
        Written last = chunk.containsKey(customer.key()) ? chunk.get(customer.key()) : kept.get(customer.key());
        return last != null && last.version().equals(customer) ? last.id() : null;
    }

    void wrote(Customer customer, long id) {
        chunk.put(customer.key(), new Written(customer, id));
    }

    /** The chunk written since the last call is in the database: remember its customers for the rest of the run. */
    public void keepChunk() {
        kept.putAll(chunk);
        chunk.clear();
    }

    /** The chunk written since the last call was rolled back: forget its customers. */
    public void dropChunk() {
        chunk.clear();
    }
}
