package io.recoup.app.api;

import io.recoup.store.Database;
import io.recoup.store.report.ReceivableFlows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    private volatile Answer last;

    private record Answer(LocalDate day, Instant at, List<Trends.MonthEnd> rows) {}

    public DsoTrend(Database db, Clock clock) {
        this.flows = new ReceivableFlows(db);
        this.clock = clock;
    }

    public List<Trends.MonthEnd> monthEnds() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Answer answer = last;
        if (answer == null || !answer.day().equals(today) || answer.at().plus(FRESH).isBefore(now) || answer.at().isAfter(now)) {
            answer = new Answer(today, now, Trends.monthEnds(flows, today));
            last = answer;
        }
        return answer.rows();
    }
}
