package io.recoup.core.reporting;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open items summed per currency and {@link AgingBucket}, from sums per currency and due date. Currencies are never
 * added together; the rows come out by currency, then bucket from not due to 90+.
 */
public final class Aging {
    private final LocalDate today;
    private final Map<String, Map<AgingBucket, Row>> rows = new TreeMap<>();

    public Aging(LocalDate today) {
        this.today = today;
    }

    /** One line of the aging table. */
    public record Row(String currency, AgingBucket bucket, long items, Money open) {}

    /** Adds {@code items} open items due on {@code dueDate} with {@code open} outstanding between them. */
    public Aging add(LocalDate dueDate, long items, Money open) {
        AgingBucket bucket = AgingBucket.of(dueDate, today);
        rows.computeIfAbsent(open.currencyCode(), c -> new TreeMap<>())
                .merge(bucket, new Row(open.currencyCode(), bucket, items, open),
                        (a, b) -> new Row(a.currency(), a.bucket(), a.items() + b.items(), a.open().plus(b.open())));
        return this;
    }

    public List<Row> rows() {
        List<Row> all = new ArrayList<>();
        rows.values().forEach(byBucket -> all.addAll(byBucket.values()));
        all.sort(Comparator.comparing(Row::currency).thenComparing(Row::bucket));
        return all;
    }
}
