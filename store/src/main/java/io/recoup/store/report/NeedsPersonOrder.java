package io.recoup.store.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order "needs a person" promises: the customer's risk score as planned (highest first, rows without one last), then
 * the amount (largest first), then tasks before exceptions, then the row's id. Tasks and exceptions come from two
 * tables, each read from an index in this order ({@link DashboardTables#needsPersonTasks},
 * {@link DashboardTables#needsPersonExceptions}); a page is the top of the two sorted streams merged, so neither table
 * is sorted or read past the page.
 */
final class NeedsPersonOrder {
    static final Comparator<Map<String, Object>> ORDER = Comparator
            .comparing((Map<String, Object> r) -> (Integer) r.get("risk"), Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
            .thenComparing(r -> (BigDecimal) r.get("amount"), Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(r -> "exception".equals(r.get("kind")))
            .thenComparing(r -> ((Number) r.get("ref")).longValue());

    private NeedsPersonOrder() {
    }

    /**
     * The first {@code limit} rows of two lists each already in {@link #ORDER}, in that order (ties keep the first
     * list's row first).
     */
    static List<Map<String, Object>> merged(List<Map<String, Object>> a, List<Map<String, Object>> b, int limit) {
        List<Map<String, Object>> out = new ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (out.size() < limit && (i < a.size() || j < b.size())) {
            boolean fromA = j >= b.size() || i < a.size() && ORDER.compare(a.get(i), b.get(j)) <= 0;
            out.add(fromA ? a.get(i++) : b.get(j++));
        }
        return out;
    }
}
