package io.recoup.app.ui;

import io.recoup.store.report.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One page of a dashboard table as the page shows it: its name (the CSV export's too), the columns, each row's cells as
 * text, the customer page a row links to (if it names a customer) and the page it is of. Amounts show with two
 * decimals, times in the company's zone to the minute; the CSV export writes cells with the same {@link #cell} rule.
 */
public record UiTable(String name, List<String> columns, List<Row> rows, int page, int size, boolean hasPrevious, boolean hasNext) {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public UiTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A row's cells, and the customer page it links to (empty when the row names no customer). */
    public record Row(List<String> cells, String customerLink) {}

    /** The page's rows, each passed through {@code shape} first (to mask what a page must not show in full). */
    public static UiTable of(String name, List<String> columns, Page page, ZoneId zone, UnaryOperator<Map<String, Object>> shape) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> raw : page.rows()) {
            Map<String, Object> row = shape.apply(raw);
            rows.add(new Row(columns.stream().map(c -> cell(row.get(c), zone)).toList(), customerLink(row)));
        }
        return new UiTable(name, columns, rows, page.number(), page.size(), page.hasPrevious(), page.hasNext());
    }

    public static String cell(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.setScale(Math.max(2, Math.min(amount.stripTrailingZeros().scale(), 4)), RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Timestamp at) {
            return MINUTES.format(at.toInstant().atZone(zone));
        }
        return value.toString();
    }

    static String customerLink(Map<String, Object> row) {
        Object source = row.get("source");
        Object customer = row.get("customer");
        if (source == null || customer == null) {
            return null;
        }
        return "/ui/customers/" + Paths.segment(source.toString()) + "/" + Paths.segment(customer.toString());
    }
}
