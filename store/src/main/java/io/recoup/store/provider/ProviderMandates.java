package io.recoup.store.provider;

import io.recoup.store.Database;
import java.util.Optional;

/**
 * Customers' mandates at payment providers, one row per (provider, mandate id), holding the provider's word for its
 * state as the latest event made the reader fetch it. The provider owns the mandate's lifecycle; this is its mirror,
 * so the status is stored as the provider says it rather than moved along a table of ours.
 */
public final class ProviderMandates {
    private final Database db;

    public ProviderMandates(Database db) {
        this.db = db;
    }

    /** The customer with our key (its source and id in the source), when there is one. */
    public Optional<Long> customer(String source, String externalId) {
        return db.jdbc().queryForList("select id from customer where source = ? and external_id = ?", Long.class, source, externalId)
                .stream().findFirst();
    }

    /** Records what the mandate is now; a row already there takes the new status, reason and event. */
    public void record(String provider, String mandateId, long customerId, String status, String reason, String eventId) {
        db.jdbc().update("""
                insert into provider_mandate (provider, mandate_id, customer_id, status, reason, event_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (provider, mandate_id) do update set customer_id = excluded.customer_id, status = excluded.status,
                    reason = excluded.reason, event_id = excluded.event_id, updated_at = excluded.updated_at""",
                provider, mandateId, customerId, status, reason, eventId, db.now());
    }

    /** Whether the customer has an active mandate at {@code provider}. */
    public boolean hasActive(String provider, long customerId) {
        return Boolean.TRUE.equals(db.jdbc().queryForObject("select exists (select 1 from provider_mandate where provider = ? "
                + "and customer_id = ? and status = 'active')", Boolean.class, provider, customerId));
    }

    /** The mandate's status as last recorded, when it is known. */
    public Optional<String> status(String provider, String mandateId) {
        return db.jdbc().queryForList("select status from provider_mandate where provider = ? and mandate_id = ?", String.class,
                provider, mandateId).stream().findFirst();
    }
}
