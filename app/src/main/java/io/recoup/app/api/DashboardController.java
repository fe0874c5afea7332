package io.recoup.app.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the finance team stands: open amounts by age bucket and currency, DSO over the last 90 days, what is
 * scheduled, what failed, what needs a person, and the money waiting in the exceptions queue.
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DashboardController(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @GetMapping
    public Map<String, Object> dashboard() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("asOf", today);
        view.put("aging", jdbc.queryForList("""
                select currency, case when due_date >= ? then 'not due' when ? - due_date <= 30 then '1-30'
                    when ? - due_date <= 60 then '31-60' when ? - due_date <= 90 then '61-90' else '90+' end as bucket,
                    count(*) as items, sum(open_amount) as open
                from open_item where status = 'OPEN' group by 1, 2 order by 1, 2""", today, today, today, today));
        // DSO (count-back over 90 days): open receivables / credit sales of the last 90 days x 90
        view.put("dso", jdbc.queryForList("""
                select currency, round(sum(open_amount) filter (where status = 'OPEN')
                    / nullif(sum(original_amount) filter (where issue_date > ? - 90), 0) * 90, 1) as days
                from open_item group by currency order by currency""", today));
        view.put("scheduled", jdbc.queryForList("""
                select planned_on, channel, count(*) as notices from notice where status = 'PLANNED'
                group by 1, 2 order by 1, 2"""));
        view.put("failed", jdbc.queryForList("""
                select n.planned_on, n.channel, n.outcome, c.source, c.external_id as customer
                from notice n join customer c on c.id = n.customer_id where n.status = 'FAILED' order by n.id desc limit 100"""));
        view.put("needsPerson", jdbc.queryForList("""
                select n.planned_on, n.channel, n.template, n.reason, c.source, c.external_id as customer
                from notice n join customer c on c.id = n.customer_id where n.status = 'TASK_OPEN' order by n.id desc limit 100"""));
        view.put("exceptions", jdbc.queryForList("""
                select provider, provider_id, currency, unallocated, reason from receipt where unallocated > 0 order by id"""));
        return view;
    }
}
