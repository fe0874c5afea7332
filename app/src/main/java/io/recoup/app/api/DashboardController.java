package io.recoup.app.api;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.Aging;
import io.recoup.core.reporting.DaysSalesOutstanding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the finance team stands: open amounts by age bucket and currency, DSO over the last 90 days and its trend
 * over the last twelve month ends with the collection effectiveness index, what is scheduled, what failed, what needs
 * a person, the money waiting in the exceptions queue, and the outbound webhooks waiting or parked.
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {
    /** DSO looks at the credit sales of this many days. */
    private static final int DSO_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final DsoTrend trend;

    public DashboardController(DataSource dataSource, DsoTrend trend, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
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
    public Map<String, Object> dashboard() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("asOf", today);
        // the store sums per currency and due date; buckets and DSO are the core's rules
        Aging aging = new Aging(today);
        jdbc.query("select currency, due_date, count(*), sum(open_amount) from open_item where status = 'OPEN' group by 1, 2",
                rs -> {
                    aging.add(rs.getDate(2).toLocalDate(), rs.getLong(3), Money.of(rs.getBigDecimal(4), Money.currencyOf(rs.getString(1))));
                });
        view.put("aging", aging.rows().stream().map(r -> Map.of("currency", r.currency(), "bucket", r.bucket().label(),
                "items", r.items(), "open", r.open().amount())).toList());
        List<Map<String, Object>> dso = new ArrayList<>();
        jdbc.query("""
                select currency, coalesce(sum(open_amount) filter (where status = 'OPEN'), 0),
                    coalesce(sum(original_amount) filter (where issue_date > ?), 0)
                from open_item group by currency order by currency""", rs -> {
            var currency = Money.currencyOf(rs.getString(1));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("currency", rs.getString(1));
            row.put("days", DaysSalesOutstanding.standard(Money.of(rs.getBigDecimal(2), currency), Money.of(rs.getBigDecimal(3), currency),
                    DSO_DAYS).orElse(null));
            dso.add(row);
        }, today.minusDays(DSO_DAYS));
        view.put("dso", dso);
        view.put("scheduled", jdbc.queryForList("""
                select planned_on, channel, count(*) as notices from notice where status = 'PLANNED'
                group by 1, 2 order by 1, 2"""));
        view.put("failed", jdbc.queryForList("""
                select n.planned_on, n.channel, n.outcome, c.source, c.external_id as customer
                from notice n join customer c on c.id = n.customer_id where n.status = 'FAILED' order by n.id desc limit 100"""));
        // a task a step asked for, a customer no channel reaches, or a notice parked because dispatch failed on it
        view.put("needsPerson", jdbc.queryForList("""
                select n.id as notice, n.planned_on, n.channel, n.template, n.status, n.outcome, n.reason, c.source,
                    c.external_id as customer
                from notice n join customer c on c.id = n.customer_id where n.status in ('TASK_OPEN', 'PARKED')
                order by n.id desc limit 100"""));
        view.put("exceptions", jdbc.queryForList("""
                select provider, provider_id, currency, unallocated, reason from receipt where unallocated > 0 order by id"""));
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
