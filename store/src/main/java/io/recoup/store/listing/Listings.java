package io.recoup.store.listing;

import io.recoup.store.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Filtered pages of items, notices and tasks, newest notices and lowest item ids first. Every filter is optional (null:
 * any); {@code offset} and {@code limit} are the caller's, which bounds them.
 */
public final class Listings {
    /** The notice statuses that wait for a person: a task a step asked for, or a notice parked because sending failed. */
    public static final List<String> TASK_STATUSES = List.of("TASK_OPEN", "PARKED");

    private final Database db;

    public Listings(Database db) {
        this.db = db;
    }

    /** What an item list may be narrowed to. */
    public record ItemFilter(String source, String status, String customer, String currency, LocalDate dueBefore) {}

    /** What a notice list may be narrowed to. */
    public record NoticeFilter(String status, String channel, String customer, LocalDate plannedFrom, LocalDate plannedTo) {}

    public List<Map<String, Object>> items(ItemFilter f, long offset, int limit) {
        return db.jdbc().queryForList("""
                select i.source, i.external_id as id, i.number, c.external_id as customer, i.issue_date, i.due_date, i.currency,
                    i.original_amount, i.open_amount, i.status
                from open_item i join customer c on c.id = i.customer_id
                where (?::text is null or i.source = ?) and (?::text is null or i.status = ?)
                    and (?::text is null or c.external_id = ?) and (?::text is null or i.currency = ?)
                    and (?::date is null or i.due_date < ?)
                order by i.id offset ? limit ?""",
                f.source(), f.source(), f.status(), f.status(), f.customer(), f.customer(), f.currency(), f.currency(),
                f.dueBefore(), f.dueBefore(), offset, limit);
    }

    public List<Map<String, Object>> notices(NoticeFilter f, long offset, int limit) {
        return notices(f, null, offset, limit);
    }

    /** The notices that need a person ({@link #TASK_STATUSES}), narrowed by the filter's other fields. */
    public List<Map<String, Object>> tasks(NoticeFilter f, long offset, int limit) {
        return notices(f, TASK_STATUSES.toArray(String[]::new), offset, limit);
    }

    private List<Map<String, Object>> notices(NoticeFilter f, String[] statuses, long offset, int limit) {
        return db.jdbc().queryForList("""
                select n.id as notice, c.source, c.external_id as customer, n.channel, n.template, n.lead_step as step,
                    n.planned_on, n.status, n.attempts, n.outcome, n.reason, n.policy_id, n.policy_version
                from notice n join customer c on c.id = n.customer_id
                where (?::text[] is null or n.status = any(?::text[])) and (?::text is null or n.status = ?)
                    and (?::text is null or n.channel = ?) and (?::text is null or c.external_id = ?)
                    and (?::date is null or n.planned_on >= ?) and (?::date is null or n.planned_on <= ?)
                order by n.id desc offset ? limit ?""",
                statuses, statuses, f.status(), f.status(), f.channel(), f.channel(), f.customer(), f.customer(),
                f.plannedFrom(), f.plannedFrom(), f.plannedTo(), f.plannedTo(), offset, limit);
    }
}
