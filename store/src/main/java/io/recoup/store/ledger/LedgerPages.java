package io.recoup.store.ledger;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenAmounts;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.store.CopyRows;
import io.recoup.store.Database;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a page of ledger records (a chunk of an export, a page of a sync) in a few set-based statements instead of
 * several per record: the customers, their IBANs, the items Recoup already knows read once with what is allocated and
 * not posted back yet, then the new items written with COPY and the changed ones updated. The rules are the same as
 * {@link LedgerRepository#upsertItem}'s ({@link OpenAmounts}); an item the source had closed opens again when it is
 * listed open. Also closes the items a source no longer has open.
 */
public final class LedgerPages {
    private final Database db;

    public LedgerPages(Database db) {
        this.db = db;
    }

    /**
     * Upserts the records, which must name each item once; returns what happened to each, in order. A customer the run
     * already wrote exactly so ({@code written}) is not written again. A database refusal (an amount beyond what it
     * stores) fails the whole page: the caller takes the page record by record.
     */
    public List<LedgerRepository.Upsert> upsert(List<LedgerRecord> records, List<String> readableReferences,
                                                Function<LedgerRecord, String> uniqueReference, WrittenCustomers written) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<CustomerKey, Long> customers = upsertCustomers(records, written);
        Map<OpenItemKey, Known> known = known(records);
        List<String> creditorReferences = references(records, known, readableReferences, uniqueReference);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<LedgerRepository.Upsert> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            OpenItem item = records.get(i).item();
            long customerId = customers.get(item.customer());
            Known before = known.get(item.key());
            if (before == null) {
                Money open = item.openAmount();
                inserts.add(row(item, customerId, open, creditorReferences.get(i)));
                results.add(LedgerRepository.Upsert.INSERTED);
            } else if (before.differsFrom(item, customerId)) {
                Money open = OpenAmounts.recoupOpen(item.openAmount(), Money.of(before.notPosted, item.openAmount().currency()));
                Object[] update = row(item, customerId, open, null);
                update[update.length - 1] = before.id;
                updates.add(update);
                results.add(LedgerRepository.Upsert.UPDATED);
            } else {
                results.add(LedgerRepository.Upsert.UNCHANGED);
            }
        }
        write(inserts, updates);
        return results;
    }

    /**
     * The reference each new item is given: the readable one (made from its invoice number) unless another item holds
     * it already or an earlier record of the page takes it (two sources, or two companies, numbering alike), then the
     * one made from the item's key, which no other item has.
     */
    private List<String> references(List<LedgerRecord> records, Map<OpenItemKey, Known> known, List<String> readable,
                                    Function<LedgerRecord, String> unique) {
        String[] wanted = java.util.stream.IntStream.range(0, records.size())
                .filter(i -> !known.containsKey(records.get(i).item().key())).mapToObj(readable::get).toArray(String[]::new);
        Set<String> taken = wanted.length == 0 ? new HashSet<>() : new HashSet<>(db.jdbc().queryForList(
                "select creditor_reference from open_item where creditor_reference = any(?)", String.class, (Object) wanted));
        List<String> chosen = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            boolean isNew = !known.containsKey(records.get(i).item().key());
            chosen.add(isNew && !taken.add(readable.get(i)) ? unique.apply(records.get(i)) : readable.get(i));
        }
        return chosen;
    }

    /** One item's columns: key, customer, number, dates, currency, amounts, status and the last one free (reference or id). */
    private static Object[] row(OpenItem item, long customerId, Money open, Object last) {
        return new Object[] {item.key().source(), item.key().externalId(), customerId, item.number(), item.issueDate().toString(),
                item.dueDate().toString(), item.originalAmount().currencyCode(), item.originalAmount().amount().toPlainString(),
                item.openAmount().amount().toPlainString(), open.amount().toPlainString(), OpenAmounts.statusOf(open).name(), last};
    }

    private void write(List<Object[]> inserts, List<Object[]> updates) {
        if (!inserts.isEmpty()) {
            CopyRows rows = new CopyRows();
            Timestamp now = db.now();
            inserts.forEach(row -> rows.row(append(append(row, now), now)));
            rows.into(db, "open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,"
                    + " ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)");
        }
        if (!updates.isEmpty()) {
            Object[] columns = columns(updates);
            db.jdbc().update("""
                    update open_item i set customer_id = u.customer_id, number = u.number, issue_date = u.issue_date,
                        due_date = u.due_date, currency = u.currency, original_amount = u.original_amount,
                        ledger_open_amount = u.ledger_open_amount, open_amount = u.open_amount, status = u.status,
                        closed_reason = null, version = i.version + 1, updated_at = ?
                    from unnest(?::bigint[], ?::text[], ?::date[], ?::date[], ?::text[], ?::numeric[], ?::numeric[],
                        ?::numeric[], ?::text[], ?::bigint[]) u(customer_id, number, issue_date, due_date, currency,
                        original_amount, ledger_open_amount, open_amount, status, id)
                    where i.id = u.id and i.id = any(?::bigint[])""",
                    append(prepend(java.util.Arrays.copyOfRange(columns, 2, columns.length), db.now()), columns[columns.length - 1]));
        }
    }

    /** The rows as one array per column, typed for the driver (texts, ids). */
    private static Object[] columns(List<Object[]> rows) {
        int width = rows.get(0).length;
        Object[] columns = new Object[width];
        for (int c = 0; c < width; c++) {
            boolean ids = rows.get(0)[c] instanceof Long;
            Object[] column = ids ? new Long[rows.size()] : new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r)[c];
                column[r] = ids || value == null ? value : value.toString();
            }
            columns[c] = column;
        }
        return columns;
    }

    private static Object[] append(Object[] columns, Object last) {
        Object[] all = java.util.Arrays.copyOf(columns, columns.length + 1);
        all[columns.length] = last;
        return all;
    }

    private static Object[] prepend(Object[] columns, Object... first) {
        Object[] all = new Object[first.length + columns.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(columns, 0, all, first.length, columns.length);
        return all;
    }

    /** An item as stored, with what is allocated to it and not posted back yet. */
    private record Known(long id, long customerId, String number, String issueDate, String dueDate, String currency,
                         BigDecimal original, BigDecimal ledgerOpen, String status, BigDecimal notPosted) {
        boolean differsFrom(OpenItem item, long customer) {
            return customerId != customer || !number.equals(item.number()) || !issueDate.equals(item.issueDate().toString())
                    || !dueDate.equals(item.dueDate().toString()) || !currency.equals(item.originalAmount().currencyCode())
                    || original.compareTo(item.originalAmount().amount()) != 0
                    || ledgerOpen.compareTo(item.openAmount().amount()) != 0 || ItemStatus.CLOSED.name().equals(status);
        }
    }

    /**
     * The page's items Recoup knows, locked, with what is allocated and not posted back yet. Looked up per source with
     * {@code external_id = any(...)}, which the (source, external_id) index answers: a join with the unnested keys
     * let the planner scan the whole table once per chunk.
     */
    private Map<OpenItemKey, Known> known(List<LedgerRecord> records) {
        Map<OpenItemKey, Known> known = new HashMap<>();
        bySource(records.stream().map(r -> r.item().key().source()).toList(),
                records.stream().map(r -> r.item().key().externalId()).toList()).forEach((source, ids) -> db.jdbc().query("""
                select i.id, i.source, i.external_id, i.customer_id, i.number, i.issue_date::text, i.due_date::text, i.currency,
                    i.original_amount, i.ledger_open_amount, i.status,
                    (select coalesce(sum(case when p.kind = 'REVERSAL' then -a.amount else a.amount end), 0)
                        from allocation a join posting p on p.allocation_id = a.id
                        where a.item_id = i.id and p.status = 'PENDING')
                from open_item i where i.source = ? and i.external_id = any(?::text[])
                for update of i""", rs -> {
                    known.put(new OpenItemKey(rs.getString(2), rs.getString(3)), new Known(rs.getLong(1), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                            rs.getBigDecimal(10), rs.getString(11), rs.getBigDecimal(12)));
                }, source, ids.toArray(String[]::new)));
        return known;
    }

    /** The ids grouped by their source, in order. */
    private static Map<String, List<String>> bySource(List<String> sources, List<String> ids) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            grouped.computeIfAbsent(sources.get(i), k -> new ArrayList<>()).add(ids.get(i));
        }
        return grouped;
    }

    /**
     * Upserts each customer of the page once (the last record's version wins), unless the run already wrote it exactly
     * so, and returns the ids of all of them.
     */
    private Map<CustomerKey, Long> upsertCustomers(List<LedgerRecord> records, WrittenCustomers written) {
        Map<CustomerKey, Customer> unique = new LinkedHashMap<>();
        records.forEach(r -> unique.put(r.customer().key(), r.customer()));
        Map<CustomerKey, Long> ids = new HashMap<>();
        List<Customer> all = new ArrayList<>();
        for (Customer c : unique.values()) {
            Long id = written.idOf(c);
            if (id == null) {
                all.add(c);
            } else {
                ids.put(c.key(), id);
            }
        }
        if (all.isEmpty()) {
            return ids;
        }
        db.jdbc().update("""
                insert into customer (source, external_id, name, email, phone, language, time_zone, segment, updated_at)
                select u.*, ? from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    u(source, external_id, name, email, phone, language, time_zone, segment)
                on conflict (source, external_id) do update set name = excluded.name, email = excluded.email,
                    phone = excluded.phone, language = excluded.language, time_zone = excluded.time_zone,
                    segment = excluded.segment, updated_at = excluded.updated_at
                where (customer.name, customer.email, customer.phone, customer.language, customer.time_zone, customer.segment)
                    is distinct from (excluded.name, excluded.email, excluded.phone, excluded.language, excluded.time_zone,
                    excluded.segment)""", db.now(),
                texts(all, c -> c.key().source()), texts(all, c -> c.key().externalId()), texts(all, Customer::name),
                texts(all, c -> c.email().orElse(null)), texts(all, c -> c.phone().orElse(null)),
                texts(all, c -> c.language().toLanguageTag()), texts(all, c -> c.timeZone().getId()), texts(all, Customer::segment));
        bySource(all.stream().map(c -> c.key().source()).toList(), all.stream().map(c -> c.key().externalId()).toList())
                .forEach((source, keys) -> db.jdbc().query("select id, source, external_id from customer where source = ? "
                        + "and external_id = any(?::text[])", rs -> {
                            ids.put(new CustomerKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
                        }, source, keys.toArray(String[]::new)));
        List<Long> owners = new ArrayList<>();
        List<String> ibans = new ArrayList<>();
        for (Customer c : all) {
            written.wrote(c, ids.get(c.key()));
            c.ibans().forEach(iban -> {
                owners.add(ids.get(c.key()));
                ibans.add(iban);
            });
        }
        if (!ibans.isEmpty()) {
            db.jdbc().update("""
                    insert into customer_iban (customer_id, iban, origin, created_by, created_at)
                    select u.customer_id, u.iban, 'LEDGER', 'ledger', ? from unnest(?::bigint[], ?::text[]) u(customer_id, iban)
                    on conflict do nothing""", db.now(), owners.toArray(Long[]::new), ibans.toArray(String[]::new));
        }
        return ids;
    }

    private static String[] texts(List<Customer> customers, Function<Customer, String> field) {
        return customers.stream().map(field).toArray(String[]::new);
    }

    /** True when no item is named twice among the records (a page that names one twice is taken record by record). */
    public static boolean eachItemOnce(List<LedgerRecord> records) {
        Set<OpenItemKey> keys = new HashSet<>();
        return records.stream().allMatch(r -> keys.add(r.item().key()));
    }

    /**
     * Closes the OPEN items of {@code keys} with the source's reason for each; returns the keys that were open and are
     * closed now (an item paid in Recoup meanwhile, or already closed, stays as it is).
     */
    public List<OpenItemKey> close(Map<OpenItemKey, String> reasons) {
        if (reasons.isEmpty()) {
            return List.of();
        }
        List<OpenItemKey> closed = new ArrayList<>();
        Map<String, List<OpenItemKey>> bySource = new LinkedHashMap<>();
        reasons.keySet().forEach(k -> bySource.computeIfAbsent(k.source(), s -> new ArrayList<>()).add(k));
        bySource.forEach((source, keys) -> db.jdbc().query("""
                update open_item i set status = 'CLOSED', closed_reason = u.reason, version = i.version + 1, updated_at = ?
                from unnest(?::text[], ?::text[]) u(external_id, reason)
                where i.source = ? and i.external_id = any(?::text[]) and i.external_id = u.external_id and i.status = 'OPEN'
                returning i.source, i.external_id""", rs -> {
                    closed.add(new OpenItemKey(rs.getString(1), rs.getString(2)));
                }, db.now(), keys.stream().map(OpenItemKey::externalId).toArray(String[]::new),
                keys.stream().map(k -> Objects.requireNonNull(reasons.get(k))).toArray(String[]::new), source,
                keys.stream().map(OpenItemKey::externalId).toArray(String[]::new)));
        return closed;
    }

    /** The keys of the source's items that are OPEN in Recoup, for a full sync to compare with what it saw. */
    public Set<OpenItemKey> openKeys(String source) {
        Set<OpenItemKey> keys = new HashSet<>();
        db.jdbc().query("select external_id from open_item where source = ? and status = 'OPEN'",
                rs -> {
                    keys.add(new OpenItemKey(source, rs.getString(1)));
                }, source);
        return keys;
    }
}
