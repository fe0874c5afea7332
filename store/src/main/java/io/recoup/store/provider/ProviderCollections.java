package io.recoup.store.provider;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.ProviderCollectionEvent;
import io.recoup.core.lifecycle.ProviderCollectionLifecycle;
import io.recoup.core.lifecycle.ProviderCollectionStatus;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import io.recoup.store.directdebit.CollectionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Items collected through a payment provider against the customer's mandate there, moved only along
 * {@link ProviderCollectionLifecycle}. A row is written REQUESTED, with its idempotency key, before the provider is
 * asked, in the same transaction as the item's dunning block; an item is in at most one live collection (a unique
 * index), so two runs or two instances never ask twice for one item.
 */
public final class ProviderCollections {
    private static final String COLUMNS = """
            k.id, k.provider, k.item_id, i.source, i.external_id, i.number, i.customer_id, k.attempt, k.mandate_id, k.currency,
            k.amount, k.idempotency_key, k.payment_id, k.charge_date, k.status
            from provider_collection k join open_item i on i.id = k.item_id""";

    private final Database db;
    private final LifecycleRows<ProviderCollectionStatus, ProviderCollectionEvent> statuses;

    public ProviderCollections(Database db) {
        this.db = db;
        this.statuses = new LifecycleRows<>(db, "provider_collection", ProviderCollectionLifecycle.TABLE);
    }

    /** One collection as stored. */
    public record Stored(long id, String provider, long itemId, OpenItemKey item, String number, long customerId, int attempt,
                         String mandateId, Money amount, String idempotencyKey, Optional<String> paymentId,
                         Optional<LocalDate> chargeDate, ProviderCollectionStatus status) {}

    /** An open item whose customer has an active mandate at the provider, with that mandate and its next attempt. */
    public record Candidate(long itemId, OpenItemKey item, String number, long customerId, String mandateId, Money open,
                            LocalDate dueDate, int attempt) {}

    /**
     * Open items due by {@code dueBy} whose customer has an active mandate at {@code provider}, never collected through
     * a provider before (one that failed goes back to the policy's reminders, not into an automatic second charge) and
     * in no live pain.008 collection of our own, without a hold or a promise to pay that would keep them from
     * collection (a hold of direct debit's own aside), with the attempt the next collection would be.
     */
    public List<Candidate> candidates(String provider, LocalDate dueBy) {
        return db.jdbc().query("""
                select i.id, i.source, i.external_id, i.number, i.customer_id, m.mandate_id, i.currency, i.open_amount, i.due_date,
                    (select count(*) from provider_collection p where p.item_id = i.id) + 1
                from open_item i
                join lateral (select mandate_id from provider_mandate m where m.provider = ? and m.customer_id = i.customer_id
                    and m.status = 'active' order by m.updated_at desc limit 1) m on true
                where i.status = 'OPEN' and i.open_amount > 0 and i.due_date <= ?
                    and not exists (select 1 from provider_collection p where p.item_id = i.id)
                    and not exists (select 1 from collection k where k.item_id = i.id
                        and k.status in ('PLANNED', 'PRE_NOTIFIED', 'SUBMITTED', 'ACCEPTED'))
                    and not exists (select 1 from hold h where h.released_at is null and h.created_by <> ?
                        and (h.item_id = i.id or (h.item_id is null and h.customer_id = i.customer_id)))
                    and not exists (select 1 from promise_to_pay t where t.item_id = i.id and t.promised_for >= ?)
                order by i.due_date, i.id""",
                (rs, n) -> new Candidate(rs.getLong(1), new OpenItemKey(rs.getString(2), rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getString(6), Money.of(rs.getBigDecimal(8), Money.currencyOf(rs.getString(7).trim())),
                        rs.getDate(9).toLocalDate(), rs.getInt(10)),
                provider, dueBy, CollectionRepository.HOLD_OWNER, db.clock().instant().atZone(db.clock().getZone()).toLocalDate());
    }

    /** Writes the collection REQUESTED; empty when the item is already in a live one. */
    public Optional<Long> insertRequested(String provider, Candidate candidate, String idempotencyKey) {
        return db.jdbc().queryForList("""
                insert into provider_collection (provider, item_id, attempt, mandate_id, currency, amount, idempotency_key,
                    status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (item_id) where status in ('REQUESTED', 'SUBMITTED', 'PAID') do nothing
                returning id""", Long.class, provider, candidate.itemId(), candidate.attempt(), candidate.mandateId(),
                candidate.open().currencyCode(), candidate.open().amount(), idempotencyKey, statuses.initial(), db.now(), db.now())
                .stream().findFirst();
    }

    /** The collections of {@code provider} still to be asked (new, or left by a crash or an outage), oldest first. */
    public List<Stored> requested(String provider) {
        return db.jdbc().query("select " + COLUMNS + " where k.provider = ? and k.status = 'REQUESTED' order by k.id",
                ProviderCollections::row, provider);
    }

    /** The collection the provider's payment belongs to, when it is one of ours. */
    public Optional<Stored> byPayment(String provider, String paymentId) {
        return db.jdbc().query("select " + COLUMNS + " where k.provider = ? and k.payment_id = ? for update of k",
                ProviderCollections::row, provider, paymentId).stream().findFirst();
    }

    /** The provider made the payment. */
    public boolean markSubmitted(long id, String paymentId, LocalDate chargeDate) {
        return statuses.move(id, ProviderCollectionEvent.SUBMIT, "payment_id = ?, charge_date = ?, updated_at = ?", paymentId,
                chargeDate, db.now());
    }

    /** {@code event} (refused, paid, failed) with its reason. */
    public boolean move(long id, ProviderCollectionEvent event, String reason) {
        return statuses.move(id, event, "reason = coalesce(?, reason), updated_at = ?", reason, db.now());
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        java.sql.Date charge = rs.getDate("charge_date");
        return new Stored(rs.getLong("id"), rs.getString("provider"), rs.getLong("item_id"),
                new OpenItemKey(rs.getString("source"), rs.getString("external_id")), rs.getString("number"), rs.getLong("customer_id"),
                rs.getInt("attempt"), rs.getString("mandate_id"),
                Money.of(rs.getBigDecimal("amount"), Money.currencyOf(rs.getString("currency").trim())), rs.getString("idempotency_key"),
                Optional.ofNullable(rs.getString("payment_id")), Optional.ofNullable(charge).map(java.sql.Date::toLocalDate),
                ProviderCollectionStatus.valueOf(rs.getString("status")));
    }
}
