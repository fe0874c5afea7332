package io.recoup.app.api;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.Aging;
import io.recoup.core.reporting.DaysSalesOutstanding;
import io.recoup.store.Database;
import io.recoup.store.report.DashboardReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the finance team stands: open amounts by age bucket and currency, DSO over the last 90 days and its trend
 * over the last twelve month ends with the collection effectiveness index, what is scheduled, what failed, what needs
 * a person, the money waiting in the exceptions queue, and the outbound webhooks waiting or parked. It reads what the
 * pages read: the sums over every open item from {@link DashboardFigures} (not per request), the lists a page at a time
 * from their indexes, so a request costs the same at a thousand open items and at a million.
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {
    /** The scheduled counts look this many days ahead, as the page does. */
    private static final int SCHEDULED_DAYS = 14;

    private final JdbcTemplate jdbc;
    private final DashboardReads reads;
    private final DashboardFigures figures;
    private final Clock clock;
    private final DsoTrend trend;

    public DashboardController(Database db, DashboardFigures figures, DsoTrend trend, Clock clock) {
        this.jdbc = db.jdbc();
        this.reads = new DashboardReads(db);
        this.figures = figures;
        this.trend = trend;
        this.clock = clock;
    }

    /**
     * DSO (standard and countback) at each of the last twelve month ends and each month's collection effectiveness
     * index, per currency, oldest first; rebuilt from stored history as {@link io.recoup.store.report.ReceivableFlows}
     * describes, and at most {@link DsoTrend#FRESH} old.
     */
    @GetMapping("/dso-trend")
    public List<Trends.MonthEnd> dsoTrend() {
        return trend.monthEnds();
    }

    @GetMapping
    @Operation(summary = "Where the finance team stands", description = "Aging by bucket and currency and DSO from sums over "
            + "every open item kept up to 30 s (summedAt says when they were read); what is planned to go out in the next "
            + "14 days per day and channel; the 100 newest failed sends; one page of needs a person (risk, then the amount "
            + "when planned, with what is open now) and of the exceptions queue (largest unallocated amount first), each "
            + "with hasMore; parked provider events and outbound webhook deliveries (the 100 newest).")
    public Map<String, Object> dashboard(
            @Parameter(description = "page of needsPerson and exceptions, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "rows per page of needsPerson and exceptions, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        Page p = Page.of(check, page, size);
        check.refuseIfAny();
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("asOf", today);
        Recent.Reading<List<DashboardReads.DueSum>> sums = figures.openByDueDate();
        view.put("summedAt", sums.at());
        view.put("aging", aging(sums.value(), today));
        view.put("dso", dso(sums.value(), figures.salesLastDays().value()));
        // the page's window (from the index on planned notices), not every planned notice ever
        view.put("scheduled", jdbc.queryForList("""
                select planned_on, channel, count(*) as notices from notice where status = 'PLANNED' and send_after < ?
                group by 1, 2 order by 1, 2""", java.sql.Timestamp.valueOf(today.plusDays(SCHEDULED_DAYS).atStartOfDay())));
        view.put("failed", jdbc.queryForList("""
                select n.planned_on, n.channel, n.outcome, c.source, c.external_id as customer
                from notice n join customer c on c.id = n.customer_id where n.status = 'FAILED' order by n.id desc limit 100"""));
        io.recoup.store.report.Page needs = reads.needsPerson(p.page(), p.size());
        view.put("needsPerson", needs.rows());
        view.put("needsPersonHasMore", needs.hasNext());
        view.putAll(p.body("exceptions", jdbc.queryForList("""
                select id as receipt, provider, provider_id, currency, unallocated, reason from receipt
                where status in ('UNMATCHED', 'PARTLY_ALLOCATED') and unallocated > 0
                order by unallocated desc, id limit ? offset ?""", p.limit(), p.offset())));
        view.put("exceptionsHasMore", view.remove("hasMore"));
        view.putAll(parked());
        return view;
    }

    private static List<Map<String, Object>> aging(List<DashboardReads.DueSum> sums, LocalDate today) {
        // the store sums per currency and due date; buckets and DSO are the core's rules
        Aging aging = new Aging(today);
        sums.forEach(s -> aging.add(s.dueDate(), s.items(), Money.of(s.open(), Money.currencyOf(s.currency()))));
        return aging.rows().stream().<Map<String, Object>>map(r -> Map.of("currency", r.currency(), "bucket", r.bucket().label(),
                "items", r.items(), "open", r.open().amount())).toList();
    }

    private static List<Map<String, Object>> dso(List<DashboardReads.DueSum> sums, List<DashboardReads.CurrencySum> sales) {
        Map<String, BigDecimal> open = DashboardFigures.openByCurrency(sums);
        Map<String, BigDecimal> sold = new TreeMap<>();
        sales.forEach(s -> sold.put(s.currency(), s.amount()));
        sold.keySet().forEach(code -> open.putIfAbsent(code, BigDecimal.ZERO));
        List<Map<String, Object>> dso = new ArrayList<>();
        open.forEach((code, amount) -> {
            var currency = Money.currencyOf(code);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("currency", code);
            row.put("days", DaysSalesOutstanding.standard(Money.of(amount, currency),
                    Money.of(sold.getOrDefault(code, BigDecimal.ZERO), currency), DashboardFigures.SALES_DAYS).orElse(null));
            dso.add(row);
        });
        return dso;
    }

    /** Payment providers' events and outbound webhook deliveries parked for a person, and the deliveries waiting. */
    private Map<String, Object> parked() {
        Map<String, Object> view = new LinkedHashMap<>();
        // payment providers' events the worker parked (unreadable, a partial refund, a dispute of an unknown payment)
        view.put("parkedProviderEvents", jdbc.queryForList("""
                select provider, event_id, event_type, outcome as reason, handled_at from provider_event where status = 'PARKED'
                order by id desc limit 100"""));
        // outbound webhooks that wait, and those parked for a person (refused by the receiver or out of attempts)
        view.put("webhookDeliveries", jdbc.queryForMap("""
                select (select count(*) from webhook_delivery where status = 'PENDING') as pending,
                    (select count(*) from webhook_delivery where status = 'PARKED') as parked"""));
        view.put("parkedWebhookDeliveries", jdbc.queryForList("""
                select id, subscription_id as subscription, event_id, event_type, attempts, last_outcome as reason, finished_at
                from webhook_delivery where status = 'PARKED' order by id desc limit 100"""));
        return view;
    }
}
