package io.recoup.store.ledger;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenAmounts;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Customers, open items and the quarantine of records that could not be taken. */
public final class LedgerRepository {
    /** What an upsert did. */
    public enum Upsert { INSERTED, UPDATED, UNCHANGED }

    private static final String ITEM_COLUMNS = "i.id, i.source, i.external_id, i.customer_id, i.number, i.due_date, "
            + "i.currency, i.original_amount, i.open_amount, i.status, i.creditor_reference";

    private final Database db;

    public LedgerRepository(Database db) {
        this.db = db;
    }

    public long upsertCustomer(Customer c) {
        long id = db.jdbc().queryForObject("""
                insert into customer (source, external_id, name, email, phone, language, time_zone, segment, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, external_id) do update set name = excluded.name, email = excluded.email,
                    phone = excluded.phone, language = excluded.language, time_zone = excluded.time_zone,
                    segment = excluded.segment, updated_at = excluded.updated_at
                returning id""", Long.class,
                c.key().source(), c.key().externalId(), c.name(), c.email().orElse(null), c.phone().orElse(null),
                c.language().toLanguageTag(), c.timeZone().getId(), c.segment(), db.now());
        for (String iban : c.ibans()) {
            db.jdbc().update("insert into customer_iban (customer_id, iban, origin, created_by, created_at) "
                    + "values (?, ?, 'LEDGER', 'ledger', ?) on conflict do nothing", id, iban, db.now());
        }
        return id;
    }

    /**
     * Inserts the item or, when the ledger reports something new about it, updates it. Recoup's open amount and status
     * follow {@link OpenAmounts}: the ledger's open amount less what Recoup allocated but has not posted back yet (plus
     * reversals not posted yet). A record that repeats what the ledger said before changes nothing.
     */
    public Upsert upsertItem(LedgerRecord record, String creditorReference) {
        return upsertItem(record, creditorReference, creditorReference);
    }

    /**
     * As {@link #upsertItem(LedgerRecord, String)}, a new item getting {@code readableReference} (made from its invoice
     * number) unless another item holds it already (two sources numbering alike), then {@code uniqueReference} (made
     * from its key).
     */
    public Upsert upsertItem(LedgerRecord record, String readableReference, String uniqueReference) {
        boolean taken = !readableReference.equals(uniqueReference) && Boolean.TRUE.equals(db.jdbc().queryForObject("""
                select exists (select 1 from open_item where creditor_reference = ? and (source, external_id) <> (?, ?))""",
                Boolean.class, readableReference, record.item().key().source(), record.item().key().externalId()));
        String creditorReference = taken ? uniqueReference : readableReference;
        long customerId = upsertCustomer(record.customer());
        OpenItem item = record.item();
        Money ledgerOpen = item.openAmount();
        boolean inserted = !db.jdbc().queryForList("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency,
                    original_amount, ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, external_id) do nothing returning id""", Long.class,
                item.key().source(), item.key().externalId(), customerId, item.number(), item.issueDate(),
                item.dueDate(), ledgerOpen.currencyCode(), item.originalAmount().amount(), ledgerOpen.amount(),
                ledgerOpen.amount(), OpenAmounts.statusOf(ledgerOpen).name(), creditorReference, db.now(), db.now()).isEmpty();
        if (inserted) {
            return Upsert.INSERTED;
        }
        // known item: lock it, then apply what the ledger reports to what Recoup has not posted back yet
        Map<String, Object> known = db.jdbc().queryForMap("""
                select i.id, (select coalesce(sum(case when p.kind = 'REVERSAL' then -a.amount else a.amount end), 0)
                    from allocation a join posting p on p.allocation_id = a.id
                    where a.item_id = i.id and p.status = 'PENDING') as not_posted
                from open_item i where i.source = ? and i.external_id = ? for update""",
                item.key().source(), item.key().externalId());
        Money open = OpenAmounts.recoupOpen(ledgerOpen, Money.of((BigDecimal) known.get("not_posted"), ledgerOpen.currency()));
        int updated = db.jdbc().update("""
                update open_item set customer_id = ?, number = ?, issue_date = ?, due_date = ?, currency = ?,
                    original_amount = ?, ledger_open_amount = ?, open_amount = ?, status = ?, closed_reason = null,
                    version = version + 1, updated_at = ?
                where id = ? and ((customer_id, number, issue_date, due_date, currency, original_amount, ledger_open_amount)
                    is distinct from (?, ?, ?::date, ?::date, ?, ?::numeric, ?::numeric) or status = 'CLOSED')""",
                customerId, item.number(), item.issueDate(), item.dueDate(), ledgerOpen.currencyCode(),
                item.originalAmount().amount(), ledgerOpen.amount(), open.amount(), OpenAmounts.statusOf(open).name(), db.now(),
                known.get("id"), customerId, item.number(), item.issueDate(), item.dueDate(), ledgerOpen.currencyCode(),
                item.originalAmount().amount(), ledgerOpen.amount());
        return updated == 1 ? Upsert.UPDATED : Upsert.UNCHANGED;
    }

    /**
     * Keeps a refused record with its origin and reason; the same refusal of the same record is kept once. A refusal
     * may have no line and no column (a whole file, a record the database refused): every parameter of the
     * fingerprint is typed, since PostgreSQL cannot infer the type of a null inside {@code concat_ws}.
     */
    public void quarantine(String stage, Rejection rejection) {
        db.jdbc().update("""
                insert into quarantine (stage, origin, line, field, reason, raw, fingerprint, created_at)
                values (?, ?, ?, ?, ?, ?, md5(concat_ws(chr(31), ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)), ?)
                on conflict (fingerprint) do nothing""",
                stage, rejection.origin(), rejection.line() < 0 ? null : rejection.line(), rejection.column(),
                rejection.reason(), rejection.raw(),
                stage, rejection.origin(), rejection.line(), rejection.column(), rejection.reason(), rejection.raw(), db.now());
    }

    public Optional<StoredItem> find(OpenItemKey key) {
        return db.jdbc().query("select " + ITEM_COLUMNS + " from open_item i where source = ? and external_id = ?",
                LedgerRepository::item, key.source(), key.externalId()).stream().findFirst();
    }

    public StoredItem get(long id) {
        return db.jdbc().queryForObject("select " + ITEM_COLUMNS + " from open_item i where id = ?", LedgerRepository::item, id);
    }

    /**
     * The IBANs known to pay for each customer ({@code source:id}): from the ledger, from a person's resolution, and
     * from earlier receipts that were allocated to the customer's items (kept as each allocation is recorded).
     */
    public Map<String, Set<String>> payerIbans() {
        Map<String, Set<String>> ibans = new HashMap<>();
        db.jdbc().query("""
                select c.source || ':' || c.external_id, k.iban from customer_iban k join customer c on c.id = k.customer_id""", rs -> {
            ibans.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        return ibans;
    }

    /** The key in its source of the customer with this id. */
    public CustomerKey customerKey(long customerId) {
        return db.jdbc().queryForObject("select source, external_id from customer where id = ?",
                (rs, n) -> new CustomerKey(rs.getString(1), rs.getString(2)), customerId);
    }

    /** Records that a person found this IBAN pays for the customer; repeating it changes nothing. */
    public void learnPayerIban(long customerId, String iban, String by) {
        db.jdbc().update("insert into customer_iban (customer_id, iban, origin, created_by, created_at) "
                + "values (?, ?, 'PERSON', ?, ?) on conflict do nothing", customerId, iban, by, db.now());
    }

    /** Lowers the item's open amount by an allocation ({@link OpenAmounts#afterAllocation}); it is PAID at zero. */
    public void applyAllocation(long itemId, Money amount) {
        StoredItem item = getForUpdate(itemId);
        setOpen(item, OpenAmounts.afterAllocation(item.open(), amount, item.key().toString()));
    }

    /** One allocation to an item, as {@link #applyAllocations} takes them. */
    public record ItemAllocation(long itemId, Money amount) {}

    /**
     * Applies several allocations at once ({@link OpenAmounts#afterAllocation}, in order, so two allocations to one item
     * add up): the items are locked in id order, each written once. Returns each item as it stands after its
     * allocation, in the order given.
     */
    public List<StoredItem> applyAllocations(List<ItemAllocation> allocations) {
        Long[] ids = allocations.stream().map(ItemAllocation::itemId).distinct().sorted().toArray(Long[]::new);
        Map<Long, StoredItem> items = new HashMap<>();
        db.jdbc().query("select " + ITEM_COLUMNS + " from open_item i where id = any(?) order by id for update",
                rs -> {
                    StoredItem item = item(rs, 0);
                    items.put(item.id(), item);
                }, (Object) ids);
        List<StoredItem> after = new ArrayList<>(allocations.size());
        for (ItemAllocation a : allocations) {
            StoredItem item = items.get(a.itemId());
            if (item == null) {
                throw new IllegalStateException("item " + a.itemId() + " does not exist");
            }
            Money open = OpenAmounts.afterAllocation(item.open(), a.amount(), item.key().toString());
            StoredItem now = item.withOpen(open, OpenAmounts.statusOf(open));
            items.put(item.id(), now);
            after.add(now);
        }
        db.jdbc().update("""
                update open_item set open_amount = u.open, status = u.status, version = version + 1, updated_at = ?
                from unnest(?::bigint[], ?::numeric[], ?::text[]) u(id, open, status)
                where open_item.id = u.id and open_item.id = any(?::bigint[])""", db.now(), ids,
                Arrays.stream(ids).map(id -> items.get(id).open().amount().toPlainString()).toArray(String[]::new),
                Arrays.stream(ids).map(id -> items.get(id).status().name()).toArray(String[]::new), ids);
        return after;
    }

    /** Adds money taken back from the item (a return or refund) to what is open ({@link OpenAmounts#afterReturn}). */
    public void reopen(long itemId, Money amount) {
        StoredItem item = getForUpdate(itemId);
        setOpen(item, OpenAmounts.afterReturn(item.open(), amount, item.key().toString()));
    }

    private StoredItem getForUpdate(long id) {
        return db.jdbc().queryForObject("select " + ITEM_COLUMNS + " from open_item i where id = ? for update", LedgerRepository::item, id);
    }

    private void setOpen(StoredItem item, Money open) {
        db.jdbc().update("update open_item set open_amount = ?, status = ?, version = version + 1, updated_at = ? where id = ?",
                open.amount(), OpenAmounts.statusOf(open).name(), db.now(), item.id());
    }

    static StoredItem item(ResultSet rs, int row) throws SQLException {
        var currency = Money.currencyOf(rs.getString("currency"));
        return new StoredItem(rs.getLong("id"), new OpenItemKey(rs.getString("source"), rs.getString("external_id")),
                rs.getLong("customer_id"), rs.getString("number"), rs.getDate("due_date").toLocalDate(),
                Money.of(rs.getBigDecimal("original_amount"), currency), Money.of(rs.getBigDecimal("open_amount"), currency),
                ItemStatus.valueOf(rs.getString("status")), rs.getString("creditor_reference"));
    }
}
