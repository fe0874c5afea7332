package io.recoup.store.report;

import io.recoup.store.Database;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The dashboard's reads. Sums come back per currency (and source, due date or month) for connector-core's reporting to
 * bucket and divide; tables come back as {@link Listing}s, read by {@link #page} or {@link #stream}. Every query is
 * served by an index on its filter and order (V21), so a page costs the same at a thousand items and at a million.
 */
public final class DashboardReads {
    private final Database db;

    public DashboardReads(Database db) {
        this.db = db;
    }

    /** Open items of one source and currency due on one day: how many, and how much is open between them. */
    public record DueSum(String source, String currency, LocalDate dueDate, long items, BigDecimal open) {}

    /** Credit sales (original amounts of items issued) of one currency, in one month or (month null) over a period. */
    public record CurrencySum(String currency, LocalDate month, BigDecimal amount) {}

    public List<DueSum> openByDueDate() {
        return db.jdbc().query("""
                select source, currency, due_date, count(*), sum(open_amount) from open_item where status = 'OPEN'
                group by 1, 2, 3 order by 1, 2, 3""",
                (rs, n) -> new DueSum(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getBigDecimal(5)));
    }

    /** Credit sales per currency and calendar month, for the months from {@code since} (the first of a month) on. */
    public List<CurrencySum> salesByMonth(LocalDate since) {
        return db.jdbc().query("""
                select currency, date_trunc('month', issue_date)::date, sum(original_amount) from open_item where issue_date >= ?
                group by 1, 2 order by 1, 2""",
                (rs, n) -> new CurrencySum(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)), since);
    }

    /** Credit sales per currency of the items issued after {@code after}. */
    public List<CurrencySum> salesAfter(LocalDate after) {
        return db.jdbc().query("select currency, sum(original_amount) from open_item where issue_date > ? group by 1 order by 1",
                (rs, n) -> new CurrencySum(rs.getString(1), null, rs.getBigDecimal(2)), after);
    }

    /** The customer's row id, name and contact language, if the source has a customer of that id. */
    public Optional<Map<String, Object>> customer(String source, String externalId) {
        return db.jdbc().queryForList("select id, source, external_id, name, language, segment, time_zone from customer "
                + "where source = ? and external_id = ?", source, externalId).stream().findFirst();
    }

    /** At most {@code size} rows of page {@code number} (from 0) of the listing, and whether another page follows. */
    public Page page(Listing listing, int number, int size) {
        List<Object> args = new ArrayList<>(listing.args());
        args.add(size + 1);
        args.add((long) number * size);
        List<Map<String, Object>> rows = db.jdbc().queryForList(listing.sql() + " limit ? offset ?", args.toArray());
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, number, size, more);
    }

    /**
     * At most {@code size} rows of page {@code number} (from 0) of "needs a person": the tasks' and the exceptions' first
     * rows, each read from its index up to the end of the page, merged in {@link NeedsPersonOrder}. A page reads
     * {@code (number + 1) * size} rows of each table at most, never the whole of either.
     */
    public Page needsPerson(int number, int size) {
        int through = Math.toIntExact(Math.min((long) (number + 1) * size + 1, Integer.MAX_VALUE));
        List<Map<String, Object>> tasks = first(DashboardTables.needsPersonTasks(), through);
        List<Map<String, Object>> exceptions = first(DashboardTables.needsPersonExceptions(), through);
        List<Map<String, Object>> merged = NeedsPersonOrder.merged(tasks, exceptions, through);
        int from = (int) Math.min(merged.size(), (long) number * size);
        List<Map<String, Object>> rows = merged.subList(from, Math.min(merged.size(), from + size));
        withOpenNow(rows);
        return new Page(rows, number, size, merged.size() > from + size);
    }

    /**
     * At most {@code size} rows of page {@code number} (from 0) of {@link DashboardTables#scheduled}: the keys of its
     * notices, promises and instalments, each read from its index down to the end of the page, merged by day and kind;
     * then the whole rows of the page's keys only. A page reads {@code (number + 1) * size} keys of each part at most,
     * never all that is planned.
     */
    public Page scheduled(LocalDate today, int days, int number, int size) {
        int through = Math.toIntExact(Math.min((long) (number + 1) * size + 1, Integer.MAX_VALUE));
        List<ScheduledPart> parts = DashboardTables.scheduledParts(today, days);
        List<Map<String, Object>> keys = new ArrayList<>();
        parts.forEach(part -> keys.addAll(first(part.keys(), through)));
        // each part is in order and holds one kind, so a stable sort by day and kind merges them
        keys.sort(Comparator.comparing((Map<String, Object> r) -> (Date) r.get("on_date"))
                .thenComparing(r -> (String) r.get("kind")));
        int from = (int) Math.min(keys.size(), (long) number * size);
        List<Map<String, Object>> page = keys.subList(from, Math.min(keys.size(), from + size));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (ScheduledPart part : parts) {
            Long[] refs = page.stream().filter(k -> part.kind().equals(k.get("kind")))
                    .map(k -> ((Number) k.get("ref")).longValue()).distinct().toArray(Long[]::new);
            if (refs.length > 0) {
                Listing wanted = part.rows(refs);
                db.jdbc().queryForList(wanted.sql(), wanted.args().toArray()).forEach(r -> rows.put(rowKey(r), r));
            }
        }
        return new Page(page.stream().map(k -> rows.get(rowKey(k))).filter(Objects::nonNull).toList(), number, size,
                keys.size() > from + size);
    }

    private static String rowKey(Map<String, Object> row) {
        return row.get("kind") + "/" + row.get("ref") + "/" + row.get("seq");
    }

    /** Fills in what is open now on the tasks' items, read for these rows only. */
    private void withOpenNow(List<Map<String, Object>> rows) {
        Map<Long, Map<String, Object>> tasks = new LinkedHashMap<>();
        rows.stream().filter(r -> !"exception".equals(r.get("kind"))).forEach(r -> tasks.put(((Number) r.get("ref")).longValue(), r));
        if (tasks.isEmpty()) {
            return;
        }
        db.jdbc().query(con -> {
            var statement = con.prepareStatement("select n.id, " + DashboardTables.OPEN_NOW.formatted("n.id")
                    + " from notice n where n.id = any (?)");
            statement.setArray(1, con.createArrayOf("bigint", tasks.keySet().toArray()));
            return statement;
        }, rs -> {
            tasks.get(rs.getLong(1)).put("open_now", rs.getBigDecimal(2));
        });
    }

    private List<Map<String, Object>> first(Listing listing, int limit) {
        // the limit is written into the statement, not bound: a statement the driver has prepared on the server is
        // planned for any limit after a few runs (a generic plan), which may sort the whole table instead of reading
        // the first rows of the index
        return db.jdbc().queryForList(listing.sql() + " limit " + limit, listing.args().toArray());
    }

    /**
     * Every row of the listing, in its order, handed on one at a time (column name to value, in the query's column
     * order) while the database streams them: a million rows never sit in memory at once.
     */
    public void stream(Listing listing, Consumer<List<String>> header, Consumer<Map<String, Object>> row) {
        db.inTransaction(() -> {
            // inside a transaction the driver reads with a cursor (the template's fetch size) instead of loading all rows
            db.jdbc().query(listing.sql(), (ResultSetExtractor<Void>) rs -> {
                List<String> columns = columns(rs.getMetaData());
                header.accept(columns);
                while (rs.next()) {
                    row.accept(values(rs, columns));
                }
                return null;
            }, listing.args().toArray());
        });
    }

    private static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i));
        }
        return names;
    }

    private static Map<String, Object> values(ResultSet rs, List<String> columns) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), rs.getObject(i + 1));
        }
        return values;
    }
}
