package io.recoup.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the figures the demo ends with from the database, so they show what is stored, not what was printed. */
final class DemoSummary {
    private final JdbcTemplate jdbc;

    DemoSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored state after the run. {@code possibleDuplicates}: the notices sent again after an interrupted send
     * (the customer may have them twice, as the same message).
     */
    record Figures(Map<String, Long> itemsByStatus, long quarantined, List<String> actions, Map<String, Long> receiptsByStatus,
                   List<String> exceptions, long postingsPosted, long postingsPending, long postingFiles,
                   List<Long> possibleDuplicates) {}

    Figures read() {
        return new Figures(
                counts("select status, count(*) from open_item group by status order by status"),
                jdbc.queryForObject("select count(*) from quarantine", Long.class),
                jdbc.query("""
                        select n.lead_step, n.channel, n.status, count(distinct n.id) from notice n
                        join action a on a.notice_id = n.id join open_item i on i.id = a.item_id
                        group by n.lead_step, n.channel, n.status order by min(a.scheduled_for - i.due_date), n.status""",
                        (rs, n) -> String.format("%-17s %-9s %-10s %d", rs.getString(1), rs.getString(2).toLowerCase(),
                                rs.getString(3), rs.getLong(4))),
                counts("select status, count(*) from receipt group by status order by status"),
                jdbc.query("""
                        select currency, unallocated, coalesce(reference, remittance), reason from receipt
                        where unallocated > 0 order by id""",
                        (rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2) + " '" + rs.getString(3) + "': "
                                + rs.getString(4)),
                jdbc.queryForObject("select count(*) from posting where status = 'POSTED'", Long.class),
                jdbc.queryForObject("select count(*) from posting where status = 'PENDING'", Long.class),
                jdbc.queryForObject("select count(distinct batch) from posting where batch is not null", Long.class),
                jdbc.queryForList("select id from notice where possible_duplicate and status = 'SENT' order by id", Long.class));
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
