package io.recoup.store;

import io.recoup.core.dunning.ContactLog;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.core.dunning.PaymentBehaviour;
import io.recoup.core.dunning.PaymentPlan;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.dunning.Receivable;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.dunning.RiskScorer;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads everything the dunning engine needs for every customer with open items, in a fixed number of set-based
 * queries (one per table, streamed with a fetch size), never one query per item.
 */
public final class DunningRepository {
    private static final String LIVE_STEPS = "('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED')";

    private final Database db;
    private final RiskScorer scorer = new RiskScorer();

    public DunningRepository(Database db) {
        this.db = db;
    }

    /** Must run inside a transaction (PostgreSQL streams with a fetch size only then). */
    public List<CustomerCase> openCases(LocalDate today) {
        Map<Long, ItemRow> items = new HashMap<>();
        // one row per item with its live steps folded in by PostgreSQL; amounts as scaled integers and dates as day
        // numbers, which the driver hands over without parsing decimals or building calendars
        db.jdbc().query("""
                select i.id, i.customer_id, i.number, i.due_date - date '1970-01-01', i.currency, (i.open_amount * 10000)::bigint,
                    s.steps
                from open_item i left join (
                    select a.item_id, string_agg(a.step_id, ',') as steps from action a
                    where a.status in """ + LIVE_STEPS + """
                    group by a.item_id) s on s.item_id = i.id
                where i.status = 'OPEN' and i.open_amount > 0""", rs -> {
            Money open = Money.of(BigDecimal.valueOf(rs.getLong(6), 4), Money.currencyOf(rs.getString(5)));
            ItemRow item = new ItemRow(rs.getLong(2), rs.getString(3), LocalDate.ofEpochDay(rs.getInt(4)), open);
            String steps = rs.getString(7);
            if (steps != null) {
                item.steps = Set.of(steps.split(","));
            }
            items.put(rs.getLong(1), item);
        });
        Map<Long, List<Hold>> customerHolds = new HashMap<>();
        db.jdbc().query("select customer_id, item_id, kind, reason, since, until from hold where released_at is null", rs -> {
            Hold hold = new Hold(Hold.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getDate(5).toLocalDate(),
                    Optional.ofNullable(rs.getDate(6)).map(Date::toLocalDate));
            long itemId = rs.getLong(2);
            if (rs.wasNull()) {
                customerHolds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(hold);
            } else if (items.containsKey(itemId)) {
                items.get(itemId).addHold(hold);
            }
        });
        db.jdbc().query("select distinct on (item_id) item_id, promised_for, currency, amount, open_when_promised "
                + "from promise_to_pay order by item_id, id desc", rs -> {
            ItemRow item = items.get(rs.getLong(1));
            if (item != null) {
                var currency = Money.currencyOf(rs.getString(3));
                item.promise = Optional.of(new PromiseToPay(rs.getDate(2).toLocalDate(), Money.of(rs.getBigDecimal(4), currency),
                        Money.of(rs.getBigDecimal(5), currency)));
            }
        });
        loadPlans(items);
        db.jdbc().query("select item_id, kind, step_key, on_date, created_by from manual_override", rs -> {
            ItemRow item = items.get(rs.getLong(1));
            if (item != null) {
                item.addOverride(new ManualOverride(ManualOverride.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5)));
            }
        });
        return assemble(items, customerHolds, today);
    }

    private void loadPlans(Map<Long, ItemRow> items) {
        Map<Long, List<PaymentPlan.Instalment>> instalments = new HashMap<>();
        Map<Long, Long> planItem = new HashMap<>();
        Map<Long, Money> agreed = new HashMap<>();
        db.jdbc().query("select p.id, p.item_id, p.currency, p.open_when_agreed, i.due, i.amount from payment_plan p "
                + "join instalment i on i.plan_id = p.id order by p.id, i.seq", rs -> {
            var currency = Money.currencyOf(rs.getString(3));
            planItem.put(rs.getLong(1), rs.getLong(2));
            agreed.put(rs.getLong(1), Money.of(rs.getBigDecimal(4), currency));
            instalments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new PaymentPlan.Instalment(rs.getDate(5).toLocalDate(), Money.of(rs.getBigDecimal(6), currency)));
        });
        planItem.forEach((planId, itemId) -> {
            ItemRow item = items.get(itemId);
            if (item != null) {
                item.plan = Optional.of(new PaymentPlan(instalments.get(planId), agreed.get(planId)));
            }
        });
    }

    private List<CustomerCase> assemble(Map<Long, ItemRow> items, Map<Long, List<Hold>> holds, LocalDate today) {
        // a stable order (customer, then item) so the same data always gives the same plan and notice ids
        Map<Long, List<Receivable>> byCustomer = new java.util.TreeMap<>();
        items.forEach((id, r) -> byCustomer.computeIfAbsent(r.customerId, k -> new ArrayList<>())
                .add(new Receivable(id, r.number, r.dueDate, r.open, r.steps, r.holds, r.promise, r.plan, r.overrides)));
        byCustomer.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(Receivable::itemId)));
        Map<Long, CustomerRow> customers = new HashMap<>();
        db.jdbc().query("select c.id, c.segment, c.time_zone, c.email is not null, c.phone is not null from customer c "
                + "where exists (select 1 from open_item i where i.customer_id = c.id and i.status = 'OPEN')", rs -> {
            Set<Channel> reachable = EnumSet.of(Channel.LETTER);
            if (rs.getBoolean(4)) {
                reachable.add(Channel.EMAIL);
            }
            if (rs.getBoolean(5)) {
                reachable.addAll(List.of(Channel.SMS, Channel.WHATSAPP));
            }
            customers.put(rs.getLong(1), new CustomerRow(rs.getString(2), ZoneId.of(rs.getString(3)), reachable));
        });
        Map<Long, Set<Channel>> optOuts = new HashMap<>();
        db.jdbc().query("select customer_id, channel from opt_out", rs -> {
            optOuts.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Channel.class)).add(Channel.valueOf(rs.getString(2)));
        });
        Map<Long, List<ContactLog.Contact>> contacts = new HashMap<>();
        db.jdbc().query("select customer_id, planned_on, channel from notice where status = 'SENT' and planned_on > ?", rs -> {
            contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new ContactLog.Contact(rs.getDate(2).toLocalDate(), Channel.valueOf(rs.getString(3))));
        }, today.minusDays(60));
        Map<Long, Map<Channel, LocalDate>> bounces = new HashMap<>();
        db.jdbc().query("select customer_id, channel, max(coalesce(done_at, created_at))::date from notice "
                + "where status = 'FAILED' group by customer_id, channel", rs -> {
            bounces.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(Channel.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate());
        });
        Map<Long, RiskScore> risks = risks(today);
        List<CustomerCase> cases = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customerId, receivables) -> {
            CustomerRow c = customers.get(customerId);
            CustomerProfile profile = new CustomerProfile(customerId, c.segment, c.zone, c.reachable,
                    optOuts.getOrDefault(customerId, Set.of()), holds.getOrDefault(customerId, List.of()),
                    risks.getOrDefault(customerId, RiskScore.unknown()));
            cases.add(new CustomerCase(profile, receivables, new ContactLog(contacts.getOrDefault(customerId, List.of()),
                    bounces.getOrDefault(customerId, Map.of()))));
        });
        return cases;
    }

    /** Each customer's risk score from its history: lateness of allocated payments, broken promises, exposure, bounces. */
    private Map<Long, RiskScore> risks(LocalDate today) {
        Map<Long, RiskScore> risks = new HashMap<>();
        db.jdbc().query("""
                with paid as (
                    select i.customer_id, count(*) as n, avg(greatest(a.created_at::date - i.due_date, 0)) as late
                    from allocation a join open_item i on i.id = a.item_id group by i.customer_id),
                broken as (
                    select i.customer_id, count(*) as n from action a join open_item i on i.id = a.item_id
                    where a.step_id = 'promise-broken' group by i.customer_id),
                bounced as (
                    select customer_id, count(*) as n from notice where status = 'FAILED' group by customer_id),
                scored as (
                    select customer_id from paid union select customer_id from broken union select customer_id from bounced),
                -- exposure only for customers with a history: a score is computed for them alone
                overdue as (
                    select customer_id, sum(open_amount) as amount from open_item
                    where status = 'OPEN' and due_date < ? and customer_id in (select customer_id from scored)
                    group by customer_id)
                select c.id, coalesce(paid.n, 0), coalesce(paid.late, 0), coalesce(broken.n, 0), coalesce(overdue.amount, 0),
                    coalesce(bounced.n, 0)
                from customer c left join paid on paid.customer_id = c.id left join broken on broken.customer_id = c.id
                    left join overdue on overdue.customer_id = c.id left join bounced on bounced.customer_id = c.id
                where paid.customer_id is not null or broken.customer_id is not null or bounced.customer_id is not null""", rs -> {
            risks.put(rs.getLong(1), scorer.score(new PaymentBehaviour(rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4),
                    rs.getBigDecimal(5), rs.getInt(6))));
        }, today);
        return risks;
    }

    /** One open item while the cases are being put together. */
    private static final class ItemRow {
        final long customerId;
        final String number;
        final LocalDate dueDate;
        final Money open;
        // most items have no holds, overrides or more than a few steps: keep the common case small
        Set<String> steps = Set.of();
        List<Hold> holds = List.of();
        Optional<PromiseToPay> promise = Optional.empty();
        Optional<PaymentPlan> plan = Optional.empty();
        List<ManualOverride> overrides = List.of();

        void addHold(Hold hold) {
            if (holds.isEmpty()) {
                holds = new ArrayList<>();
            }
            holds.add(hold);
        }

        void addOverride(ManualOverride override) {
            if (overrides.isEmpty()) {
                overrides = new ArrayList<>();
            }
            overrides.add(override);
        }

        ItemRow(long customerId, String number, LocalDate dueDate, Money open) {
            this.customerId = customerId;
            this.number = number;
            this.dueDate = dueDate;
            this.open = open;
        }
    }

    /** The customer columns the engine needs. */
    private record CustomerRow(String segment, ZoneId zone, Set<Channel> reachable) {}
}
