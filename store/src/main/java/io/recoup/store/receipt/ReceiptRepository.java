package io.recoup.store.receipt;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.PostingId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.PostingEvent;
import io.recoup.core.lifecycle.PostingKind;
import io.recoup.core.lifecycle.PostingLifecycle;
import io.recoup.core.lifecycle.PostingStatus;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.lifecycle.ReceiptLifecycle;
import io.recoup.core.lifecycle.ReceiptStatus;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.util.List;
import java.util.Optional;

/**
 * Receipts, their allocations to items, and the posting outbox each allocation feeds. Receipts move along
 * {@link ReceiptLifecycle}, postings along {@link PostingLifecycle}.
 */
public final class ReceiptRepository {
    private final Database db;
    private final LifecycleRows<ReceiptStatus, ReceiptEvent> receipts;
    private final LifecycleRows<PostingStatus, PostingEvent> postings;

    public ReceiptRepository(Database db) {
        this.db = db;
        this.receipts = new LifecycleRows<>(db, "receipt", ReceiptLifecycle.TABLE);
        this.postings = new LifecycleRows<>(db, "posting", PostingLifecycle.TABLE);
    }

    /** Records the receipt unless the provider's id is already known; returns its id when it was new. */
    public Optional<ReceiptId> insertIfNew(NewReceipt r) {
        return db.jdbc().queryForList("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, value_date,
                    reference, remittance, payer_name, payer_iban, origin, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (provider, provider_id) do nothing returning id""", Long.class,
                r.provider(), r.providerId(), r.amount().currencyCode(), r.amount().amount(), r.amount().amount(),
                r.bookedOn(), r.valueDate(), r.reference(), r.remittance(), r.payerName(), r.payerIban(), r.origin(),
                receipts.initial(), db.now()).stream().findFirst().map(ReceiptId::new);
    }

    /** Receipts with money not yet allocated and not yet looked at (NEW), as the matcher needs them. */
    public List<ReceiptToMatch> toMatch() {
        return db.jdbc().query("""
                select id, currency, unallocated, reference, remittance, payer_name, payer_iban, coalesce(booked_on, value_date)
                from receipt where status = 'NEW' order by id""",
                (rs, n) -> new ReceiptToMatch(rs.getLong(1), Money.of(rs.getBigDecimal(3), Money.currencyOf(rs.getString(2))),
                        rs.getString(4) == null ? List.of() : List.of(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate()));
    }

    /** Records an allocation, lowers the receipt's unallocated amount and queues the posting; returns its id. */
    public AllocationId allocate(ReceiptId receiptId, long itemId, Money amount, String rule) {
        long allocationId = db.jdbc().queryForObject("""
                insert into allocation (receipt_id, item_id, currency, amount, rule, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                receiptId.value(), itemId, amount.currencyCode(), amount.amount(), rule, db.now());
        int updated = db.jdbc().update("update receipt set unallocated = unallocated - ? where id = ? and unallocated >= ?",
                amount.amount(), receiptId.value(), amount.amount());
        if (updated != 1) {
            throw new IllegalStateException("receipt " + receiptId + " has less than " + amount + " unallocated");
        }
        int queued = db.jdbc().update("""
                insert into posting (allocation_id, document_number, status, created_at, kind)
                select ?, document_prefix || '-' || id || '-' || ?, ?, ?, ? from installation""",
                allocationId, allocationId, postings.initial(), db.now(), PostingKind.PAYMENT.name());
        if (queued != 1) {
            throw new IllegalStateException("no installation row to number the posting of allocation " + allocationId + " with");
        }
        return new AllocationId(allocationId);
    }

    /**
     * Records what matching made of the receipt, with the reason. True when it moved; false when it had already
     * taken the event.
     *
     * @throws io.recoup.core.lifecycle.IllegalTransition when the receipt's state does not allow the event
     */
    public boolean settle(ReceiptId receiptId, ReceiptEvent event, String reason) {
        return receipts.move(receiptId.value(), event, "reason = ?", reason);
    }

    /** Locks up to {@code limit} pending postings; other instances skip the locked rows. */
    public List<PendingPosting> claimPendingPostings(int limit) {
        return db.jdbc().query("""
                select p.id, p.document_number, a.id as allocation_id, i.source, i.external_id, i.number, a.currency,
                    case when p.kind = 'REVERSAL' then -a.amount else a.amount end,
                    coalesce(r.booked_on, r.value_date, a.created_at::date) as paid_on, r.provider_id
                from posting p join allocation a on a.id = p.allocation_id join open_item i on i.id = a.item_id
                    join receipt r on r.id = a.receipt_id
                where p.status = 'PENDING' order by p.id limit ? for update of p skip locked""",
                (rs, n) -> new PendingPosting(new PostingId(rs.getLong(1)), rs.getString(2), new AllocationId(rs.getLong(3)),
                        new io.recoup.core.ledger.OpenItemKey(rs.getString(4), rs.getString(5)), rs.getString(6),
                        Money.of(rs.getBigDecimal(8), Money.currencyOf(rs.getString(7))), rs.getDate(9).toLocalDate(),
                        rs.getString(10)), limit);
    }

    /**
     * Queues the reversal of the payment posted for the receipt (provider, providerId): the same allocation with the
     * opposite sign, document number the payment's with {@code -R} appended. Returns that number; asking twice queues
     * one reversal.
     */
    public Optional<String> reversePosting(String provider, String providerId) {
        List<Long> allocations = db.jdbc().queryForList("select a.id from allocation a join receipt r on r.id = a.receipt_id "
                + "where r.provider = ? and r.provider_id = ? order by a.id", Long.class, provider, providerId);
        if (allocations.isEmpty()) {
            return Optional.empty();
        }
        long allocation = allocations.get(0);
        String payment = db.jdbc().queryForObject("select document_number from posting where allocation_id = ? and kind = ?",
                String.class, allocation, PostingKind.PAYMENT.name());
        db.jdbc().update("insert into posting (allocation_id, document_number, status, created_at, kind) "
                + "values (?, ?, ?, ?, ?) on conflict (allocation_id, kind) do nothing",
                allocation, payment + "-R", postings.initial(), db.now(), PostingKind.REVERSAL.name());
        return Optional.of(payment + "-R");
    }

    /** Records the posting as in the ledger, with its batch; false when it already was. */
    public boolean markPosted(PostingId postingId, String batch) {
        return postings.move(postingId.value(), PostingEvent.POST, "batch = ?, posted_at = ?", batch, db.now());
    }
}
