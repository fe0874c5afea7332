package io.recoup.store.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dashboard's tables as {@link Listing}s. Amounts are in the row's currency and never added across currencies;
 * "needs a person" puts the customers the planner scored riskiest first (the score it wrote on the notice), then the
 * largest amounts as planned, and money the matcher could not place by its amount after them (a receipt has no customer
 * and so no score).
 */
public final class DashboardTables {
    private DashboardTables() {
    }

    /**
     * What is planned to go out, and the promises and instalments falling due, from today for {@code days} days: every
     * row, in the order the page shows them (day, kind, then the time or row within its kind), for the CSV export. A
     * page reads {@link #scheduledParts} instead.
     */
    public static Listing scheduled(LocalDate today, int days) {
        List<ScheduledPart> parts = scheduledParts(today, days);
        List<Object> args = new ArrayList<>();
        parts.forEach(part -> args.addAll(part.args()));
        return new Listing("scheduled", "select on_date, kind, what, source, customer, name, reason from ("
                + parts.stream().map(part -> "(" + part.all().sql() + ")").collect(Collectors.joining(" union all "))
                + ") x order by on_date, kind, at, ref, seq", args);
    }

    /** The three kinds of row of {@link #scheduled}, each in that order from its own index. */
    static List<ScheduledPart> scheduledParts(LocalDate today, int days) {
        LocalDate end = today.plusDays(days);
        return List.of(new ScheduledPart("notice", "n.send_after::date", "n.send_after", "n.id", "0",
                        "n.channel || ' ' || n.template || ' (' || n.lead_step || ')' as what, c.source, c.external_id as customer, "
                                + "c.name, n.reason",
                        "notice n", " join customer c on c.id = n.customer_id", "n.status = 'PLANNED' and n.send_after < ?",
                        "n.send_after, n.id", List.of(java.sql.Timestamp.valueOf(end.atStartOfDay()))),
                new ScheduledPart("promise due", "p.promised_for", "p.promised_for::timestamptz", "p.id", "0",
                        "p.currency || ' ' || round(p.amount, 2) || ' on ' || i.number as what, c.source, c.external_id as customer, "
                                + "c.name, 'promised to ' || p.created_by as reason",
                        "promise_to_pay p join open_item i on i.id = p.item_id", " join customer c on c.id = i.customer_id",
                        "p.promised_for >= ? and p.promised_for < ? and i.status = 'OPEN'", "p.promised_for, p.id", List.of(today, end)),
                new ScheduledPart("instalment due", "s.due", "s.due::timestamptz", "s.plan_id", "s.seq",
                        "pp.currency || ' ' || round(s.amount, 2) || ' on ' || i.number || ' (' || s.seq || ')' as what, c.source, "
                                + "c.external_id as customer, c.name, 'payment plan agreed by ' || pp.created_by as reason",
                        "instalment s join payment_plan pp on pp.id = s.plan_id join open_item i on i.id = pp.item_id",
                        " join customer c on c.id = i.customer_id", "s.due >= ? and s.due < ? and i.status = 'OPEN'",
                        "s.due, s.plan_id, s.seq", List.of(today, end)));
    }

    /** Notices that failed for good, newest first, with the outcome that says why. */
    public static Listing failed() {
        return new Listing("failed", """
                select n.id as notice, n.done_at, n.planned_on, n.channel, n.template, n.attempts, n.outcome,
                    c.source, c.external_id as customer, c.name
                from notice n join customer c on c.id = n.customer_id where n.status = 'FAILED' order by n.id desc""", List.of());
    }

    /**
     * Tasks, broken promises and parked notices, riskiest customer first, then the largest amount open on the notice
     * when it was planned (both written by the planner, V28, and read in this order from an index), then by id. What is
     * open on the items now ({@code open_now}) is left empty here: {@link DashboardReads#needsPerson} reads it for the
     * page's rows only.
     */
    public static Listing needsPersonTasks() {
        return new Listing("needs-person-tasks", NEEDS_PERSON_TASKS.formatted("null::numeric")
                + " order by n.planned_risk desc nulls last, n.planned_amount desc nulls last, n.id", List.of());
    }

    /** The money in the exceptions queue as "needs a person" rows, largest first (no customer, so no risk score). */
    public static Listing needsPersonExceptions() {
        return new Listing("needs-person-exceptions", NEEDS_PERSON_EXCEPTIONS + " order by r.unallocated desc, r.id", List.of());
    }

    /**
     * Every "needs a person" row in the page's order ({@link NeedsPersonOrder}), with what is open now on each task's
     * items: the tasks and the exceptions sorted together as a whole, for the CSV export, which reads all rows anyway.
     */
    public static Listing needsPerson() {
        return new Listing("needs-person", "select * from (" + NEEDS_PERSON_TASKS.formatted(OPEN_NOW.formatted("n.id"))
                + " union all " + NEEDS_PERSON_EXCEPTIONS + ") x order by risk desc nulls last, amount desc nulls last, "
                + "kind = 'exception', ref", List.of());
    }

    /** What is open now on a notice's items in the currency it was planned in. */
    static final String OPEN_NOW = """
            (select coalesce(sum(i.open_amount), 0) from action a join open_item i on i.id = a.item_id
                where a.notice_id = %s and i.currency = n.planned_currency)""";

    private static final String NEEDS_PERSON_TASKS = """
            select case when n.lead_step in ('promise-broken', 'plan-broken') then 'broken promise'
                    when n.status = 'PARKED' then 'parked notice' else 'task' end as kind,
                n.id as ref, c.source, c.external_id as customer, c.name, n.planned_risk as risk, n.planned_currency as currency,
                n.planned_amount as amount, %s as open_now,
                concat_ws(': ', n.outcome, n.reason) as reason, n.facts ->> 'risk' as risk_reasons, n.planned_on as since
            from notice n join customer c on c.id = n.customer_id
            where n.status in ('TASK_OPEN', 'PARKED')""";

    private static final String NEEDS_PERSON_EXCEPTIONS = """
            select 'exception' as kind, r.id as ref, null as source, null as customer, r.payer_name as name, null::int as risk,
                r.currency, r.unallocated as amount, r.unallocated as open_now,
                concat_ws(': ', 'bank reference ' || r.provider_id, r.reason) as reason, null as risk_reasons, r.booked_on as since
            from receipt r where r.status in ('UNMATCHED', 'PARTLY_ALLOCATED') and r.unallocated > 0""";

    /** The receipts waiting in the exceptions queue, oldest first (the payer's IBAN is for the caller to mask). */
    public static Listing exceptions() {
        return new Listing("exceptions", """
                select id as receipt, provider, provider_id as bank_reference, status, currency, amount, unallocated, booked_on,
                    payer_name, payer_iban, remittance, reason
                from receipt where status in ('UNMATCHED', 'PARTLY_ALLOCATED') and unallocated > 0 order by id""", List.of());
    }

    /** A customer's items, open ones first, by due date. */
    public static Listing items(long customerId) {
        return new Listing("items", """
                select source, external_id as item, number, issue_date, due_date, currency, original_amount, open_amount, status
                from open_item where customer_id = ? order by status = 'OPEN' desc, due_date, id""", List.of(customerId));
    }

    /**
     * Everything that happened with a customer, newest first: each notice with its reason and delivery status, each step
     * the policy left out for an item with why (skip-if), promises, disputes and blocks, payment plans, payments with the
     * allocation that placed them, and their postings.
     */
    public static Listing timeline(long customerId) {
        return new Listing("timeline", """
                select * from (
                    select n.created_at as at, 'notice' as kind, n.channel || ' ' || n.template || ' (' || n.lead_step || ')' as what,
                        n.status, concat_ws(': ', n.reason, n.outcome) as detail
                    from notice n where n.customer_id = ?
                    union all
                    select s.created_at, 'skipped step', 'step ' || s.step_id || ' of ' || i.number, 'SKIPPED', s.reason
                    from step_skip s join open_item i on i.id = s.item_id where i.customer_id = ?
                    union all
                    select p.created_at, 'promise', p.currency || ' ' || round(p.amount, 2) || ' by ' || p.promised_for || ' on ' || i.number,
                        null, 'recorded by ' || p.created_by
                    from promise_to_pay p join open_item i on i.id = p.item_id where i.customer_id = ?
                    union all
                    select h.created_at, lower(h.kind), coalesce('item ' || i.number, 'every item'),
                        case when h.released_at is null then 'ACTIVE' else 'RELEASED' end, h.reason || ' (by ' || h.created_by || ')'
                    from hold h left join open_item i on i.id = h.item_id where h.customer_id = ?
                    union all
                    select pp.created_at, 'payment plan', i.number || ': ' || (select count(*) from instalment s where s.plan_id = pp.id)
                        || ' instalments', null, 'agreed by ' || pp.created_by
                    from payment_plan pp join open_item i on i.id = pp.item_id where i.customer_id = ?
                    union all
                    select a.created_at, 'payment', a.currency || ' ' || round(a.amount, 2) || ' to ' || i.number, r.status,
                        'from ' || r.provider || ' ' || r.provider_id || ', allocated ' || a.rule
                    from allocation a join receipt r on r.id = a.receipt_id join open_item i on i.id = a.item_id where i.customer_id = ?
                    union all
                    select coalesce(ps.posted_at, ps.created_at), 'posting', ps.document_number || ' for ' || i.number, ps.status,
                        coalesce('batch ' || ps.batch, 'not posted yet')
                    from posting ps join allocation a on a.id = ps.allocation_id join open_item i on i.id = a.item_id
                    where i.customer_id = ?
                ) t order by at desc, kind, what""", List.of(customerId, customerId, customerId, customerId, customerId, customerId,
                customerId));
    }
}
