package io.recoup.store.ledger;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

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
        return db.jdbc().queryForObject("""
                insert into customer (source, external_id, name, email, phone, language, time_zone, segment, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, external_id) do update set name = excluded.name, email = excluded.email,
                    phone = excluded.phone, language = excluded.language, time_zone = excluded.time_zone,
                    segment = excluded.segment, updated_at = excluded.updated_at
                returning id""", Long.class,
                c.key().source(), c.key().externalId(), c.name(), c.email().orElse(null), c.phone().orElse(null),
                c.language().toLanguageTag(), c.timeZone().getId(), c.segment(), db.now());
    }

    /**
     * Inserts the item or, when the ledger reports something new about it, updates it. Recoup's open amount is the
     * ledger's open amount less what Recoup allocated but has not posted back yet; a record that repeats what the
     * ledger said before changes nothing.
     */
    public Upsert upsertItem(LedgerRecord record, String creditorReference) {
        long customerId = upsertCustomer(record.customer());
        OpenItem item = record.item();
        List<Boolean> inserted = db.jdbc().queryForList("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency,
                    original_amount, ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, external_id) do update set customer_id = excluded.customer_id,
                    number = excluded.number, issue_date = excluded.issue_date, due_date = excluded.due_date,
                    currency = excluded.currency, original_amount = excluded.original_amount,
                    ledger_open_amount = excluded.ledger_open_amount,
                    open_amount = greatest(excluded.ledger_open_amount - (select coalesce(sum(a.amount), 0)
                        from allocation a join posting p on p.allocation_id = a.id
                        where a.item_id = open_item.id and p.status = 'PENDING'), 0),
                    status = case when greatest(excluded.ledger_open_amount - (select coalesce(sum(a.amount), 0)
                        from allocation a join posting p on p.allocation_id = a.id
                        where a.item_id = open_item.id and p.status = 'PENDING'), 0) > 0 then 'OPEN' else 'PAID' end,
                    version = open_item.version + 1, updated_at = excluded.updated_at
                where (open_item.customer_id, open_item.number, open_item.issue_date, open_item.due_date,
                       open_item.currency, open_item.original_amount, open_item.ledger_open_amount)
                    is distinct from (excluded.customer_id, excluded.number, excluded.issue_date, excluded.due_date,
                       excluded.currency, excluded.original_amount, excluded.ledger_open_amount)
                returning (xmax = 0)""", Boolean.class,
                item.key().source(), item.key().externalId(), customerId, item.number(), item.issueDate(),
                item.dueDate(), item.openAmount().currencyCode(), item.originalAmount().amount(),
                item.openAmount().amount(), item.openAmount().amount(),
                item.openAmount().isPositive() ? "OPEN" : "PAID", creditorReference, db.now(), db.now());
        if (inserted.isEmpty()) {
            return Upsert.UNCHANGED;
        }
        return inserted.get(0) ? Upsert.INSERTED : Upsert.UPDATED;
    }

    /** Keeps a refused record with its origin and reason; the same refusal of the same record is kept once. */
    public void quarantine(String stage, Rejection rejection) {
        db.jdbc().update("""
                insert into quarantine (stage, origin, line, field, reason, raw, fingerprint, created_at)
                values (?, ?, ?, ?, ?, ?, md5(concat_ws(chr(31), ?, ?, ?::text, ?, ?, ?)), ?)
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

    /** Every item that can still receive money, for the matcher. */
    public List<MatchableItem> openBalances() {
        return db.jdbc().query("select id, number, creditor_reference, currency, open_amount from open_item where status = 'OPEN'",
                (rs, n) -> new MatchableItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Money.of(rs.getBigDecimal(5), Money.currencyOf(rs.getString(4)))));
    }

    /** Lowers the item's open amount by an allocation; it becomes PAID at zero. Refuses to go below zero. */
    public void applyAllocation(long itemId, Money amount) {
        int updated = db.jdbc().update("""
                update open_item set open_amount = open_amount - ?,
                    status = case when open_amount - ? = 0 then 'PAID' else 'OPEN' end,
                    version = version + 1, updated_at = ?
                where id = ? and currency = ? and open_amount >= ?""",
                amount.amount(), amount.amount(), db.now(), itemId, amount.currencyCode(), amount.amount());
        if (updated != 1) {
            throw new IllegalStateException("item " + itemId + " cannot take an allocation of " + amount);
        }
    }

    static StoredItem item(ResultSet rs, int row) throws SQLException {
        var currency = Money.currencyOf(rs.getString("currency"));
        return new StoredItem(rs.getLong("id"), new OpenItemKey(rs.getString("source"), rs.getString("external_id")),
                rs.getLong("customer_id"), rs.getString("number"), rs.getDate("due_date").toLocalDate(),
                Money.of(rs.getBigDecimal("original_amount"), currency), Money.of(rs.getBigDecimal("open_amount"), currency),
                ItemStatus.valueOf(rs.getString("status")), rs.getString("creditor_reference"));
    }
}
