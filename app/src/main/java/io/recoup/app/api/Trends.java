package io.recoup.app.api;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.CollectionEffectiveness;
import io.recoup.core.reporting.DaysSalesOutstanding;
import io.recoup.core.reporting.ReceivablesHistory;
import io.recoup.store.report.ReceivableFlows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DSO (standard and countback, as the dashboard computes them for today) at each of the last twelve month ends, and
 * the collection effectiveness index of each of those months, per currency, from what was open at each month's end as
 * {@link ReceivablesHistory} rebuilds it from the store's flows ({@link ReceivableFlows}, which say what is
 * approximated).
 */
public final class Trends {
    /** Month ends shown. */
    public static final int MONTHS = 12;
    /** Standard DSO looks at the credit sales of this many days before the day it is for. */
    public static final int DSO_DAYS = 90;
    /** Countback DSO walks back over the month it is for and the eleven before it. */
    public static final int COUNTBACK_MONTHS = 12;
    public static final List<String> COLUMNS = List.of("currency", "month_end", "open", "current", "credit_sales", "dso_standard",
            "dso_countback", "cei_percent");

    private Trends() {
    }

    /** One currency at one month end; a null figure had nothing to divide by. */
    public record MonthEnd(String currency, LocalDate monthEnd, BigDecimal open, BigDecimal current, BigDecimal creditSales,
                           BigDecimal dsoStandard, BigDecimal dsoCountback, BigDecimal cei) {
        public List<Object> cells() {
            return Arrays.asList(currency, monthEnd, open, current, creditSales, dsoStandard, dsoCountback, cei);
        }
    }

    /** The last {@link #MONTHS} month ends before {@code today}: per currency in order of its code, oldest first. */
    public static List<MonthEnd> monthEnds(ReceivableFlows flows, LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        // countback at the oldest month end looks back over eleven more months, and CEI needs the month before it
        YearMonth first = last.minusMonths(MONTHS + COUNTBACK_MONTHS - 1L);
        Map<String, ReceivablesHistory> histories = new TreeMap<>();
        flows.issued(first, last).forEach(f -> history(histories, f.currency(), first, last)
                .issued(f.month(), f.due(), money(f.amount(), f.currency())));
        flows.cleared(first, last).forEach(f -> history(histories, f.currency(), first, last)
                .cleared(f.month(), f.due(), money(f.amount(), f.currency())));
        List<MonthEnd> rows = new ArrayList<>();
        for (YearMonth month = last.minusMonths(MONTHS - 1L); !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            Map<String, BigDecimal> sales90 = new TreeMap<>();
            flows.salesBetween(end.minusDays(DSO_DAYS), end).forEach(s -> sales90.put(s.currency(), s.amount()));
            for (Map.Entry<String, ReceivablesHistory> e : histories.entrySet()) {
                rows.add(monthEnd(e.getValue(), month, money(sales90.getOrDefault(e.getKey(), BigDecimal.ZERO), e.getKey())));
            }
        }
        rows.sort(Comparator.comparing(MonthEnd::currency).thenComparing(MonthEnd::monthEnd));
        return rows;
    }

    static MonthEnd monthEnd(ReceivablesHistory h, YearMonth month, Money salesLastDays) {
        Money open = h.total(month);
        List<DaysSalesOutstanding.Period> periods = new ArrayList<>();
        for (int back = 0; back < COUNTBACK_MONTHS; back++) {
            YearMonth m = month.minusMonths(back);
            periods.add(new DaysSalesOutstanding.Period(h.sales(m), m.lengthOfMonth()));
        }
        return new MonthEnd(open.currencyCode(), month.atEndOfMonth(), open.amount(), h.current(month).amount(),
                h.sales(month).amount(), DaysSalesOutstanding.standard(open, salesLastDays, DSO_DAYS).orElse(null),
                DaysSalesOutstanding.countback(open, periods).orElse(null),
                CollectionEffectiveness.index(h.total(month.minusMonths(1)), h.sales(month), open, h.current(month)).orElse(null));
    }

    private static ReceivablesHistory history(Map<String, ReceivablesHistory> histories, String currency, YearMonth first,
                                              YearMonth last) {
        return histories.computeIfAbsent(currency, c -> new ReceivablesHistory(Money.currencyOf(c), first, last));
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, Money.currencyOf(currency));
    }
}
