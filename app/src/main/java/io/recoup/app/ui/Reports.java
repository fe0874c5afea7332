package io.recoup.app.ui;

import io.recoup.app.api.DashboardFigures;
import io.recoup.app.api.Trends;
import io.recoup.core.money.Money;
import io.recoup.core.reporting.Aging;
import io.recoup.core.reporting.AgingBucket;
import io.recoup.core.reporting.DaysSalesOutstanding;
import io.recoup.store.report.DashboardReads;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures from the store's sums and connector-core's rules: aging by source and currency (and its
 * totals per currency for the chart), and DSO per currency by the standard and the countback method.
 */
final class Reports {
    /** Standard DSO looks at the credit sales of this many days (as {@code /api/dashboard} does). */
    static final int DSO_DAYS = Trends.DSO_DAYS;
    /** Countback DSO walks back over this month and the eleven before it. */
    static final int COUNTBACK_MONTHS = Trends.COUNTBACK_MONTHS;

    private Reports() {
    }

    /** One line of the aging table: a source's open items of one currency in one bucket. */
    record AgingLine(String source, String currency, String bucket, long items, BigDecimal open) {}

    /** A currency's open amounts per bucket, not due to 90+, for the chart. */
    record AgingTotals(String currency, List<String> buckets, List<BigDecimal> open) {}

    /** A currency's DSO (empty when it had no sales), its open amount and the sales each method divided by. */
    record Dso(String currency, BigDecimal open, BigDecimal standard, BigDecimal salesLastDays, BigDecimal countback) {}

    static List<AgingLine> agingLines(List<DashboardReads.DueSum> sums, LocalDate today) {
        Map<String, Aging> bySource = new TreeMap<>();
        for (DashboardReads.DueSum s : sums) {
            bySource.computeIfAbsent(s.source(), k -> new Aging(today)).add(s.dueDate(), s.items(), money(s.open(), s.currency()));
        }
        List<AgingLine> lines = new ArrayList<>();
        bySource.forEach((source, aging) -> aging.rows().forEach(r ->
                lines.add(new AgingLine(source, r.currency(), r.bucket().label(), r.items(), r.open().amount()))));
        return lines;
    }

    static List<AgingTotals> agingTotals(List<DashboardReads.DueSum> sums, LocalDate today) {
        Aging all = new Aging(today);
        sums.forEach(s -> all.add(s.dueDate(), s.items(), money(s.open(), s.currency())));
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        AgingBucket[] buckets = AgingBucket.values();
        for (Aging.Row row : all.rows()) {
            BigDecimal[] open = byCurrency.computeIfAbsent(row.currency(), c -> zeros(buckets.length));
            open[row.bucket().ordinal()] = row.open().amount();
        }
        List<String> labels = Arrays.stream(buckets).map(AgingBucket::label).toList();
        List<AgingTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, open) -> totals.add(new AgingTotals(currency, labels, List.of(open))));
        return totals;
    }

    /**
     * DSO per currency with something open: {@code open} as summed per due date (the aging's sums), {@code salesLastDays}
     * the credit sales of the last {@link #DSO_DAYS} days, {@code monthly} those of this month and the months before it.
     */
    static List<Dso> dso(List<DashboardReads.DueSum> open, List<DashboardReads.CurrencySum> salesLastDays,
                         List<DashboardReads.CurrencySum> monthly, LocalDate today) {
        Map<String, BigDecimal> openByCurrency = DashboardFigures.openByCurrency(open);
        Map<String, BigDecimal> sold = new TreeMap<>();
        salesLastDays.forEach(s -> sold.put(s.currency(), s.amount()));
        Map<String, Map<YearMonth, BigDecimal>> byMonth = new TreeMap<>();
        monthly.forEach(s -> byMonth.computeIfAbsent(s.currency(), c -> new TreeMap<>()).put(YearMonth.from(s.month()), s.amount()));
        YearMonth thisMonth = YearMonth.from(today);
        List<Dso> rows = new ArrayList<>();
        openByCurrency.forEach((currency, amount) -> {
            Money openNow = money(amount, currency);
            Money sales = money(sold.getOrDefault(currency, BigDecimal.ZERO), currency);
            List<DaysSalesOutstanding.Period> periods = new ArrayList<>();
            for (int back = 0; back < COUNTBACK_MONTHS; back++) {
                YearMonth month = thisMonth.minusMonths(back);
                BigDecimal inMonth = byMonth.getOrDefault(currency, Map.of()).getOrDefault(month, BigDecimal.ZERO);
                int days = back == 0 ? today.getDayOfMonth() : month.lengthOfMonth();
                periods.add(new DaysSalesOutstanding.Period(money(inMonth, currency), days));
            }
            rows.add(new Dso(currency, openNow.amount(), DaysSalesOutstanding.standard(openNow, sales, DSO_DAYS).orElse(null),
                    sales.amount(), DaysSalesOutstanding.countback(openNow, periods).orElse(null)));
        });
        return rows;
    }

    /** A currency's DSO trend for the chart: month ends and both DSOs, "|"-joined, an empty cell where there were no sales. */
    record TrendChart(String currency, String months, String standard, String countback) {}

    static List<TrendChart> trendCharts(List<Trends.MonthEnd> trend) {
        Map<String, List<Trends.MonthEnd>> byCurrency = new TreeMap<>();
        trend.forEach(m -> byCurrency.computeIfAbsent(m.currency(), c -> new ArrayList<>()).add(m));
        List<TrendChart> charts = new ArrayList<>();
        byCurrency.forEach((currency, months) -> charts.add(new TrendChart(currency,
                joined(months.stream().map(m -> YearMonth.from(m.monthEnd()).toString()).toList()),
                joined(months.stream().map(m -> m.dsoStandard() == null ? "" : m.dsoStandard().toPlainString()).toList()),
                joined(months.stream().map(m -> m.dsoCountback() == null ? "" : m.dsoCountback().toPlainString()).toList()))));
        return charts;
    }

    private static String joined(List<String> cells) {
        return String.join("|", cells);
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, Money.currencyOf(currency));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
