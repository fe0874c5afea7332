package io.recoup.app.api;

import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * The dashboard's sums over every open item, read at most once per {@link #MAX_AGE} for the pages and the JSON API
 * together ({@link Recent}): the open amounts per source, currency and due date (the aging, and what DSO divides), and
 * the credit sales of the last {@link #SALES_DAYS} days and of each of the last twelve months. At 1,000,000 items each takes a second or more to read, which
 * no request should pay.
 */
@Component
public class DashboardFigures {
    /** How old the sums may be before a request has them read again (in the background). */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** DSO (standard) divides by the credit sales of this many days. */
    public static final int SALES_DAYS = Trends.DSO_DAYS;

    private final Recent<List<DashboardReads.DueSum>> openByDueDate;
    private final Recent<List<DashboardReads.CurrencySum>> salesLastDays;
    private final Recent<List<DashboardReads.CurrencySum>> salesByMonth;

    public DashboardFigures(Database db, Clock clock) {
        DashboardReads reads = new DashboardReads(db);
        // the system's time, not the application's (a demo sets that to a past day): the age is real time
        this.openByDueDate = new Recent<>(reads::openByDueDate, MAX_AGE, Clock.systemUTC(), ForkJoinPool.commonPool());
        this.salesLastDays = new Recent<>(() -> reads.salesAfter(LocalDate.ofInstant(clock.instant(), clock.getZone())
                .minusDays(SALES_DAYS)), MAX_AGE, Clock.systemUTC(), ForkJoinPool.commonPool());
        this.salesByMonth = new Recent<>(() -> reads.salesByMonth(YearMonth.now(clock).minusMonths(Trends.COUNTBACK_MONTHS - 1L)
                .atDay(1)), MAX_AGE, Clock.systemUTC(), ForkJoinPool.commonPool());
    }

    /** Open items per source, currency and due date: how many and how much is open, and when that was read. */
    public Recent.Reading<List<DashboardReads.DueSum>> openByDueDate() {
        return openByDueDate.get();
    }

    /** Credit sales per currency of the items issued in the last {@link #SALES_DAYS} days, and when that was read. */
    public Recent.Reading<List<DashboardReads.CurrencySum>> salesLastDays() {
        return salesLastDays.get();
    }

    /**
     * Credit sales per currency and month, this month and the {@code COUNTBACK_MONTHS - 1} before it (what countback
     * DSO walks back over), and when that was read.
     */
    public Recent.Reading<List<DashboardReads.CurrencySum>> salesByMonth() {
        return salesByMonth.get();
    }

    /** What is open per currency (sorted by code), over every source and due date of {@code sums}. */
    public static Map<String, BigDecimal> openByCurrency(List<DashboardReads.DueSum> sums) {
        Map<String, BigDecimal> open = new TreeMap<>();
        sums.forEach(s -> open.merge(s.currency(), s.open(), BigDecimal::add));
        return open;
    }
}
