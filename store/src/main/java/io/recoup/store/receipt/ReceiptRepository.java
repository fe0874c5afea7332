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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    private static final String INSERT = """
            insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, value_date,
                reference, remittance, payer_name, payer_iban, origin, status, created_at, structured_references,
                bank_references)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (provider, provider_id) do nothing""";

    /** Records the receipt unless the provider's id is already known; returns its id when it was new. */
    public Optional<ReceiptId> insertIfNew(NewReceipt r) {
        return db.jdbc().queryForList(INSERT + " returning id", Long.class, insertArgs(r)).stream().findFirst().map(ReceiptId::new);
    }

    /** The receipt a provider knows by {@code providerId}, when one is recorded. */
    public Optional<ReceiptId> find(String provider, String providerId) {
        return db.jdbc().queryForList("select id from receipt where provider = ? and provider_id = ?", Long.class, provider, providerId)
                .stream().findFirst().map(ReceiptId::new);
    }

    /** The items the receipt's allocations went to, each once, in id order. */
    public List<Long> allocatedItems(ReceiptId receipt) {
        return db.jdbc().queryForList("select distinct item_id from allocation where receipt_id = ? order by item_id", Long.class,
                receipt.value());
    }

    /** Separates the references of one receipt when a batch passes them as one text per receipt. */
    private static final String SEPARATOR = "\u001f";

    /**
     * Records each receipt whose provider id is not yet known, in one statement (a receipt twice in the batch is kept
     * once); returns how many were new.
     */
    public int insertAllIfNew(List<NewReceipt> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        return db.jdbc().update("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, value_date,
                    reference, remittance, payer_name, payer_iban, origin, status, created_at, structured_references,
                    bank_references)
                select u.provider, u.provider_id, u.currency, u.amount, u.amount, u.booked_on, u.value_date, u.reference,
                    u.remittance, u.payer_name, u.payer_iban, u.origin, ?, ?,
                    case when u.refs = '' then '{}'::text[] else string_to_array(u.refs, ?) end,
                    case when u.bank = '' then '{}'::text[] else string_to_array(u.bank, ?) end
                from unnest(?::text[], ?::text[], ?::text[], ?::numeric[], ?::date[], ?::date[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                    u(provider, provider_id, currency, amount, booked_on, value_date, reference, remittance, payer_name,
                      payer_iban, origin, refs, bank, n)
                order by u.n
                on conflict (provider, provider_id) do nothing""",
                receipts.initial(), db.now(), SEPARATOR, SEPARATOR,
                column(batch, NewReceipt::provider), column(batch, NewReceipt::providerId),
                column(batch, r -> r.amount().currencyCode()), column(batch, r -> r.amount().amount().toPlainString()),
                column(batch, r -> r.bookedOn() == null ? null : r.bookedOn().toString()),
                column(batch, r -> r.valueDate() == null ? null : r.valueDate().toString()),
                column(batch, NewReceipt::reference), column(batch, NewReceipt::remittance), column(batch, NewReceipt::payerName),
                column(batch, NewReceipt::payerIban), column(batch, NewReceipt::origin),
                column(batch, r -> String.join(SEPARATOR, r.references())),
                column(batch, r -> r.bankReferences().stream().sorted().collect(Collectors.joining(SEPARATOR))));
    }

    private static String[] column(List<NewReceipt> batch, Function<NewReceipt, String> field) {
        return batch.stream().map(field).toArray(String[]::new);
    }

    private Object[] insertArgs(NewReceipt r) {
        return new Object[] {r.provider(), r.providerId(), r.amount().currencyCode(), r.amount().amount(), r.amount().amount(),
                r.bookedOn(), r.valueDate(), r.reference(), r.remittance(), r.payerName(), r.payerIban(), r.origin(),
                receipts.initial(), db.now(), r.references().toArray(String[]::new),
                r.bankReferences().stream().sorted().toArray(String[]::new)};
    }

    /** Receipts with money not yet allocated and not yet looked at (NEW), as the matcher needs them. */
    public List<ReceiptToMatch> toMatch() {
        return db.jdbc().query("""
                select id, currency, unallocated, reference, remittance, payer_name, payer_iban, coalesce(booked_on, value_date),
                    structured_references
                from receipt where status = 'NEW' order by id""",
                (rs, n) -> new ReceiptToMatch(rs.getLong(1), Money.of(rs.getBigDecimal(3), Money.currencyOf(rs.getString(2))),
                        references(rs.getString(4), (String[]) rs.getArray(9).getArray()), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate()));
    }

    /** Every structured reference kept, or the single one of a receipt recorded before they were all kept. */
    private static List<String> references(String first, String[] all) {
        if (all.length > 0) {
            return List.of(all);
        }
        return first == null ? List.of() : List.of(first);
    }

    /**
     * The receipts a return of {@code amount} may send back: those whose bank ids include one the return quotes, with
     * the same amount (one already returned included, so a replayed statement finds it again).
     */
    public List<ReceiptId> quotedBy(Set<String> quoted, Money amount) {
        if (quoted.isEmpty()) {
            return List.of();
        }
        return db.jdbc().queryForList("""
                select id from receipt where bank_references && ?::text[] and currency = ? and amount = ? order by id""",
                Long.class, quoted.stream().sorted().toArray(String[]::new), amount.currencyCode(), amount.amount())
                .stream().map(ReceiptId::new).toList();
    }

    /** A receipt in the exceptions queue: what is left of it, why, and who paid (IBAN masked for screens). */
    public record Waiting(ReceiptId id, String provider, String providerId, ReceiptStatus status, Money amount,
                          Money unallocated, LocalDate bookedOn, String payerName, String payerIban, String remittance,
                          String reason) {}

    /** The receipts waiting for a person, oldest first, at most {@code limit}. */
    public List<Waiting> waiting(int limit) {
        return waiting(0, limit);
    }

    /** A page of the receipts waiting for a person, oldest first: {@code limit} after skipping {@code offset}. */
    public List<Waiting> waiting(long offset, int limit) {
        return db.jdbc().query(WAITING + " where status in (?, ?) and unallocated > 0 order by id offset ? limit ?",
                ReceiptRepository::waiting, ReceiptStatus.UNMATCHED.name(), ReceiptStatus.PARTLY_ALLOCATED.name(), offset, limit);
    }

    /** The receipt, locked until the transaction ends, if it exists. */
    public Optional<Waiting> lockForResolution(ReceiptId id) {
        return db.jdbc().query(WAITING + " where id = ? for update", ReceiptRepository::waiting, id.value()).stream().findFirst();
    }

    private static final String WAITING = """
            select id, provider, provider_id, status, currency, amount, unallocated, booked_on, payer_name, payer_iban,
                remittance, reason from receipt""";

    private static Waiting waiting(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var currency = Money.currencyOf(rs.getString(5));
        return new Waiting(new ReceiptId(rs.getLong(1)), rs.getString(2), rs.getString(3), ReceiptStatus.valueOf(rs.getString(4)),
                Money.of(rs.getBigDecimal(6), currency), Money.of(rs.getBigDecimal(7), currency),
                rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12));
    }

    /** Returns that tie to no receipt and no person has dealt with yet. */
    public List<java.util.Map<String, Object>> unresolvedReturns(int limit) {
        return db.jdbc().queryForList("""
                select id, provider_id, currency, amount, booked_on, reason from unresolved_return where resolved_at is null
                order by id limit ?""", limit);
    }

    /** One allocation of a receipt, with its item and the reversal queued for it. */
    public record Reversed(AllocationId allocation, long itemId, Money amount, String reversal) {}

    /**
     * Queues the reversal of every allocation of the receipt (the payment's document number with {@code -R}) and
     * returns them; asking twice queues each reversal once and returns only the ones queued now.
     */
    public List<Reversed> reverseAllocations(ReceiptId receipt) {
        List<Reversed> allocations = db.jdbc().query("select id, item_id, currency, amount from allocation where receipt_id = ? "
                + "order by id", (rs, n) -> new Reversed(new AllocationId(rs.getLong(1)), rs.getLong(2),
                Money.of(rs.getBigDecimal(4), Money.currencyOf(rs.getString(3))), null), receipt.value());
        List<Reversed> reversed = new ArrayList<>();
        for (Reversed a : allocations) {
            queueReversal(a.allocation().value()).ifPresent(number -> reversed.add(new Reversed(a.allocation(), a.itemId(),
                    a.amount(), number)));
        }
        return reversed;
    }

    /** Records a return that ties to no receipt, for a person; the same entry recorded twice is kept once. */
    public boolean recordUnresolvedReturn(String provider, String providerId, Money amount, LocalDate bookedOn,
                                          Set<String> quoted, String reason, String origin) {
        return db.jdbc().update("""
                insert into unresolved_return (provider, provider_id, currency, amount, booked_on, quoted_references, reason,
                    origin, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (provider, provider_id) do nothing""",
                provider, providerId, amount.currencyCode(), amount.amount(), bookedOn, quoted.stream().sorted().toArray(String[]::new),
                reason, origin, db.now()) == 1;
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
        queuePayments(List.of(allocationId));
        learnPayers(List.of(allocationId));
        return new AllocationId(allocationId);
    }

    /** One allocation matching decided on: the item, the amount and why. */
    public record NewAllocation(long itemId, Money amount, String why) {}

    /** What matching made of one NEW receipt: the event it takes, the reason kept on it, and its allocations. */
    public record Settlement(ReceiptId receipt, ReceiptEvent event, String reason, List<NewAllocation> allocations) {}

    /**
     * Records what matching made of several NEW receipts at once, in a few round trips: every allocation (each
     * receipt's unallocated amount lowered by what it gave), its posting queued, and each receipt moved by its event
     * with its reason. Returns the allocation ids in the order of the settlements and their allocations.
     *
     * @throws IllegalStateException when a receipt is no longer NEW or has less unallocated than it gives (the caller's
     *                               transaction rolls back and the receipts can be settled one by one)
     */
    public List<AllocationId> settleAll(List<Settlement> settlements) {
        int n = settlements.stream().mapToInt(x -> x.allocations().size()).sum();
        List<Long> ids = n == 0 ? List.of() : db.jdbc().queryForList(
                "select nextval(pg_get_serial_sequence('allocation', 'id')) from generate_series(1, ?) order by 1", Long.class, n);
        Long[] receiptIds = new Long[n];
        Long[] itemIds = new Long[n];
        String[] currencies = new String[n];
        String[] amounts = new String[n];
        String[] whys = new String[n];
        int k = 0;
        for (Settlement s : settlements) {
            for (NewAllocation a : s.allocations()) {
                receiptIds[k] = s.receipt().value();
                itemIds[k] = a.itemId();
                currencies[k] = a.amount().currencyCode();
                amounts[k] = a.amount().amount().toPlainString();
                whys[k] = a.why();
                k++;
            }
        }
        if (n > 0) {
            db.jdbc().update("""
                    insert into allocation (id, receipt_id, item_id, currency, amount, rule, created_at)
                    select u.*, ? from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::numeric[], ?::text[]) u""",
                    db.now(), ids.toArray(Long[]::new), receiptIds, itemIds, currencies, amounts, whys);
            queuePayments(ids);
            learnPayers(ids);
        }
        for (ReceiptEvent event : ReceiptEvent.values()) {
            List<Settlement> moving = settlements.stream().filter(s -> s.event() == event).toList();
            if (!moving.isEmpty()) {
                receipts.moveEach(event, "reason = u.reason, unallocated = receipt.unallocated - u.given",
                        moving.stream().mapToLong(s -> s.receipt().value()).toArray(), "reason text, given numeric",
                        moving.stream().map(Settlement::reason).toArray(String[]::new),
                        moving.stream().map(s -> s.allocations().stream().map(x -> x.amount().amount())
                                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()).toArray(String[]::new));
            }
        }
        return ids.stream().map(AllocationId::new).toList();
    }

    /** Queues the payment posting of each allocation, numbered with the installation's prefix. */
    private void queuePayments(List<Long> allocations) {
        int queued = db.jdbc().update("""
                insert into posting (allocation_id, document_number, status, created_at, kind)
                select a, i.document_prefix || '-' || i.id || '-' || a, ?, ?, ? from unnest(?::bigint[]) a, installation i""",
                postings.initial(), db.now(), PostingKind.PAYMENT.name(), allocations.toArray(Long[]::new));
        if (queued != allocations.size()) {
            throw new IllegalStateException("no installation row to number the postings of allocations " + allocations + " with");
        }
    }

    /**
     * Keeps the account each allocated payment came from as a payer IBAN of the item's customer, so the matcher knows it
     * next time without reading the allocations again.
     */
    private void learnPayers(List<Long> allocations) {
        db.jdbc().update("""
                insert into customer_iban (customer_id, iban, origin, created_by, created_at)
                select distinct i.customer_id, r.payer_iban, 'PAYMENT', 'payment', ?::timestamptz
                from allocation a join receipt r on r.id = a.receipt_id join open_item i on i.id = a.item_id
                where a.id = any(?::bigint[]) and r.payer_iban is not null and r.payer_iban <> ''
                on conflict do nothing""", db.now(), allocations.toArray(Long[]::new));
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
        return claimPendingPostings(limit, null);
    }

    /**
     * Locks up to {@code limit} pending postings of items from {@code sources} (every source when null); other
     * instances skip the locked rows.
     */
    public List<PendingPosting> claimPendingPostings(int limit, Set<String> sources) {
        return db.jdbc().query("""
                select p.id, p.document_number, a.id as allocation_id, i.source, i.external_id, i.number, a.currency,
                    case when p.kind = 'REVERSAL' then -a.amount else a.amount end,
                    coalesce(r.booked_on, r.value_date, a.created_at::date) as paid_on, r.provider_id
                from posting p join allocation a on a.id = p.allocation_id join open_item i on i.id = a.item_id
                    join receipt r on r.id = a.receipt_id
                where p.status = 'PENDING' and (?::text[] is null or i.source = any(?::text[]))
                order by p.id limit ? for update of p skip locked""",
                (rs, n) -> new PendingPosting(new PostingId(rs.getLong(1)), rs.getString(2), new AllocationId(rs.getLong(3)),
                        new io.recoup.core.ledger.OpenItemKey(rs.getString(4), rs.getString(5)), rs.getString(6),
                        Money.of(rs.getBigDecimal(8), Money.currencyOf(rs.getString(7))), rs.getDate(9).toLocalDate(),
                        rs.getString(10)), sources == null ? null : sources.toArray(String[]::new),
                sources == null ? null : sources.toArray(String[]::new), limit);
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
        queueReversal(allocation);
        return Optional.of(reversalNumber(allocation));
    }

    /** Queues the reversal posting of one allocation; its document number when it was queued now, empty when before. */
    private Optional<String> queueReversal(long allocation) {
        String number = reversalNumber(allocation);
        int queued = db.jdbc().update("insert into posting (allocation_id, document_number, status, created_at, kind) "
                + "values (?, ?, ?, ?, ?) on conflict (allocation_id, kind) do nothing",
                allocation, number, postings.initial(), db.now(), PostingKind.REVERSAL.name());
        return queued == 1 ? Optional.of(number) : Optional.empty();
    }

    private String reversalNumber(long allocation) {
        return db.jdbc().queryForObject("select document_number from posting where allocation_id = ? and kind = ?",
                String.class, allocation, PostingKind.PAYMENT.name()) + "-R";
    }

    /** Records the posting as in the ledger, with its batch; false when it already was. */
    public boolean markPosted(PostingId postingId, String batch) {
        return postings.move(postingId.value(), PostingEvent.POST, "batch = ?, posted_at = ?", batch, db.now());
    }
}
