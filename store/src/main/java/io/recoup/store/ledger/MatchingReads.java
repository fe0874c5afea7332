package io.recoup.store.ledger;

import io.recoup.core.matching.MatchableItem;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the matcher reads: every open item, or only the items a run over a few receipts can look up (by id, RF
 * reference or customer), and the customers with something open, whose names identify payers. A customer's key and
 * name are read once and shared by its items: a million open items of a hundred thousand customers would otherwise
 * hold a million copies of each.
 */
public final class MatchingReads {
    private static final String ITEMS = """
            select i.id, i.number, i.creditor_reference, i.customer_id, c.source, c.external_id, c.name, i.due_date,
                i.currency, i.open_amount
            from open_item i join customer c on c.id = i.customer_id where i.status = 'OPEN'""";
    /** Rows the database sends per round trip when the numbers of every open item are read. */
    private static final int FETCH = 10_000;

    private final Database db;

    public MatchingReads(Database db) {
        this.db = db;
    }

    /** A customer with something open: its id, key ({@code source:id}) and name. */
    public record OpenCustomer(long id, String key, String name) {}

    /** Every item that can still receive money, with its customer, in id order. */
    public List<MatchableItem> openItems() {
        return read(ITEMS);
    }

    /** The open items with one of these ids or RF references, or of one of these customers, in id order. */
    public List<MatchableItem> openItems(Collection<Long> ids, Collection<String> references, Collection<Long> customers) {
        return read(ITEMS + """
                 and i.id in (select unnest(?::bigint[]) union select id from open_item where creditor_reference = any(?::text[])
                    union select id from open_item where customer_id = any(?::bigint[]))""", ids.toArray(Long[]::new), references.toArray(String[]::new), customers.toArray(Long[]::new));
    }

    /** The ids of the open items whose invoice number passes the test, read a slice at a time. */
    public List<Long> openItemsNumbered(Predicate<String> number) {
        List<Long> ids = new ArrayList<>();
        db.jdbc().query(connection -> {
            PreparedStatement select = connection.prepareStatement("select id, number from open_item where status = 'OPEN'");
            select.setFetchSize(FETCH);
            return select;
        }, rs -> {
            if (number.test(rs.getString(2))) {
                ids.add(rs.getLong(1));
            }
        });
        return ids;
    }

    /** The customers with at least one open item. */
    public List<OpenCustomer> customersWithOpenItems() {
        return db.jdbc().query("""
                select c.id, c.source || ':' || c.external_id, c.name from customer c
                where exists (select 1 from open_item i where i.customer_id = c.id and i.status = 'OPEN')""",
                (rs, n) -> new OpenCustomer(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    private List<MatchableItem> read(String sql, Object... args) {
        Map<Long, String[]> customers = new HashMap<>();
        List<MatchableItem> open = new ArrayList<>();
        db.jdbc().query(sql, rs -> {
            String[] customer = customers.get(rs.getLong(4));
            if (customer == null) {
                customer = new String[] {rs.getString(5) + ":" + rs.getString(6), rs.getString(7)};
                customers.put(rs.getLong(4), customer);
            }
            open.add(new MatchableItem(rs.getLong(1), rs.getString(2), rs.getString(3), customer[0], customer[1],
                    rs.getDate(8).toLocalDate(), Money.of(rs.getBigDecimal(10), Money.currencyOf(rs.getString(9)))));
        }, args);
        // sorted here, not by the database: a million rows would be sorted on disk there, and are nearly in order already
        open.sort(Comparator.comparingLong(MatchableItem::itemId));
        return open;
    }
}
