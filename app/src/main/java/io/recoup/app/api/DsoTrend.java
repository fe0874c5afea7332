package io.recoup.app.api;

import io.recoup.store.Database;
import io.recoup.store.report.ReceivableFlows;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * The DSO trend and collection effectiveness ({@link Trends}) as the API, the page and the CSV export read them:
 * rebuilding them reads every item once, so one answer is kept for {@link #FRESH} per instance (and for one day:
 * the next day has another set of month ends). Past month ends change only when late news about old items arrives,
 * so a page a few minutes old is still right.
 */
@Component
public class DsoTrend {
    /** How long one answer is served. */
    static final Duration FRESH = Duration.ofMinutes(10);

    private final ReceivableFlows flows;
    private final Clock clock;
    private volatile Daily daily;

    /** The trend of one day, read again in the background once it is {@link #FRESH} old. */
    private record Daily(LocalDate day, Recent<List<Trends.MonthEnd>> trend) {}

    public DsoTrend(Database db, Clock clock) {
        this.flows = new ReceivableFlows(db);
        this.clock = clock;
    }

    /**
     * The month ends as of today. The first request of a day reads them (the others of that moment wait for that one
     * reading, not each for its own); later ones get them at once, and once they are {@link #FRESH} old one request
     * has them read again in the background while the rest still get the last ones.
     */
    public List<Trends.MonthEnd> monthEnds() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Daily current = daily;
        if (current == null || !current.day().equals(today)) {
            synchronized (this) {
                current = daily;
                if (current == null || !current.day().equals(today)) {
                    // the system's time for the age (a demo sets the application's clock to past days)
                    current = new Daily(today, new Recent<>(() -> Trends.monthEnds(flows, today), FRESH, Clock.systemUTC(),
                            ForkJoinPool.commonPool()));
                    daily = current;
                }
            }
        }
        return current.trend().get().value();
    }
}
