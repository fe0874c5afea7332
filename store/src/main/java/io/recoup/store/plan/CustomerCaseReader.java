package io.recoup.store.plan;

import io.recoup.core.dunning.ContactLog;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.Engagement;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.core.dunning.PaymentBehaviour;
import io.recoup.core.dunning.PaymentPlan;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.dunning.RiskScorer;
import io.recoup.core.dunning.SpecialSteps;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Reads everything the dunning engine needs for every customer with open items in set-based reads, never one query
 * per item. The tables that are small next to the open items (holds, promises, plans, overrides, opt-outs, contacts,
 * bounces, reads and opened links, payment history) are read once per run, streamed with a fetch size; the open items (copied out in
 * PostgreSQL's binary format) and their customers are read in batches of consecutive customer ids, so memory stays
 * bounded and a caller can decide one batch while the next is read (the planning stage's {@code ParallelDecider}).
 */
public final class CustomerCaseReader {
    /**
     * Customer ids per batch: about 250,000 items at ten open items per customer. Smaller batches overlap more but
     * cost more to read when a customer's items lie scattered over the table (each batch then visits most pages).
     */
    public static final int CUSTOMERS_PER_BATCH = 25_000;

    private final Database db;
    private final RiskScorer scorer = new RiskScorer();

    public CustomerCaseReader(Database db) {
        this.db = db;
    }

    /** Every customer with open items, in customer order. Must run inside a transaction (streaming needs one). */
    public List<CustomerCase> openCases(LocalDate today) {
        List<CustomerCase> all = new ArrayList<>();
        forEachBatch(today, all::addAll);
        return all;
    }

    /** The ledger's id and the name of every customer with open items, by Recoup's customer id (for reports). */
    public Map<Long, CustomerName> customerNames() {
        Map<Long, CustomerName> names = new HashMap<>();
        db.jdbc().query("select c.id, c.external_id, c.name from customer c "
                + "where exists (select 1 from open_item i where i.customer_id = c.id and i.status = 'OPEN')",
                rs -> {
                    names.put(rs.getLong(1), new CustomerName(rs.getString(2), rs.getString(3)));
                });
        return names;
    }

    /**
     * Hands {@code consumer} the cases of every customer with open items, one batch of consecutive customer ids at a
     * time, in customer order, on the calling thread; the next batch is read once {@code consumer} returns. A batch
     * is never empty. Must run inside a transaction (streaming needs one).
     */
    public void forEachBatch(LocalDate today, Consumer<? super List<CustomerCase>> consumer) {
        forEachBatchWhile(today, batch -> {
            consumer.accept(batch);
            return true;
        });
    }

    /**
     * As {@link #forEachBatch}, stopping once {@code consumer} answers false: a preview that looks at a bounded number
     * of customers does not read the rest of a large ledger.
     */
    public void forEachBatchWhile(LocalDate today, Predicate<? super List<CustomerCase>> consumer) {
        Context context = context(today);
        Long[] bounds = db.jdbc().queryForObject("select min(customer_id), max(customer_id) from open_item where status = 'OPEN'",
                (rs, n) -> new Long[] {(Long) rs.getObject(1), (Long) rs.getObject(2)});
        if (bounds[0] == null) {
            return;
        }
        for (long first = bounds[0]; first <= bounds[1]; first += CUSTOMERS_PER_BATCH) {
            List<CustomerCase> batch = batch(context, first, Math.min(bounds[1], first + CUSTOMERS_PER_BATCH - 1));
            if (!batch.isEmpty() && !consumer.test(batch)) {
                return;
            }
        }
    }

    /** The cases of the customers with ids from {@code first} to {@code last}, in customer order. */
    @SuppressWarnings("unchecked")
    private List<CustomerCase> batch(Context context, long first, long last) {
        // indexed by customer id - first: the ids of a batch are consecutive, so no hashing and no boxing per item
        List<DunningItem>[] byCustomer = new List[(int) (last - first + 1)];
        int[] found = {0};
        // one row per item with its live steps kept on it (V7), copied in binary: no value is turned into text and back
        String items = "copy (select id, customer_id, number, due_date, currency, open_amount, live_steps from open_item "
                + "where status = 'OPEN' and customer_id between " + first + " and " + last + ") to stdout with (format binary)";
        db.jdbc().execute((ConnectionCallback<Void>) connection -> {
            try (BinaryCopyReader rows = new BinaryCopyReader(
                    BinaryCopyReader.Chunks.of(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(items)), 7)) {
                while (rows.next()) {
                    long id = rows.int8();
                    int slot = (int) (rows.int8() - first);
                    String number = rows.text();
                    LocalDate due = context.date(rows.epochDay());
                    String currency = rows.text();
                    long tenThousandths = rows.numeric(4);
                    Set<String> steps = context.steps(rows.text());
                    if (tenThousandths <= 0) {
                        continue; // paid: an open item always has something open, this is only belt and braces
                    }
                    ItemExtras extras = context.extras.isEmpty() ? null : context.extras.get(id);
                    Money open = context.money(currency, tenThousandths);
                    DunningItem item = extras == null
                            ? new DunningItem(id, number, due, open, steps, List.of(), Optional.empty(), Optional.empty(), List.of())
                            : new DunningItem(id, number, due, open, steps, extras.holds, Optional.ofNullable(extras.promise),
                                    Optional.ofNullable(extras.plan), extras.overrides);
                    if (byCustomer[slot] == null) {
                        byCustomer[slot] = new ArrayList<>(8);
                        found[0]++;
                    }
                    byCustomer[slot].add(item);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the open items of customers " + first + " to " + last, e);
            }
            return null;
        });
        if (found[0] == 0) {
            return List.of();
        }
        CustomerRow[] customers = new CustomerRow[byCustomer.length];
        db.jdbc().query("select id, segment, time_zone, email is not null, phone is not null from customer where id between ? and ?", rs -> {
            int slot = (int) (rs.getLong(1) - first);
            if (byCustomer[slot] != null) {
                customers[slot] = new CustomerRow(rs.getString(2), context.zone(rs.getString(3)),
                        Channel.reachableWith(rs.getBoolean(4), rs.getBoolean(5)));
            }
        }, first, last);
        // a stable order (customer, then item) so the same data always gives the same plan and notice ids
        List<CustomerCase> cases = new ArrayList<>(found[0]);
        for (int slot = 0; slot < byCustomer.length; slot++) {
            List<DunningItem> receivables = byCustomer[slot];
            if (receivables == null) {
                continue;
            }
            long customerId = first + slot;
            receivables.sort(Comparator.comparingLong(DunningItem::itemId));
            CustomerRow c = customers[slot];
            CustomerProfile profile = new CustomerProfile(customerId, c.segment, c.zone, c.reachable,
                    context.optOuts.getOrDefault(customerId, Set.of()), context.customerHolds.getOrDefault(customerId, List.of()),
                    risk(context.histories, customerId, receivables, context.today));
            cases.add(new CustomerCase(profile, receivables, new ContactLog(context.contacts.getOrDefault(customerId, List.of()),
                    context.bounces.getOrDefault(customerId, Map.of()), context.engagement.getOrDefault(customerId, Map.of()))));
        }
        return cases;
    }

    /** What is read once per run: everything keyed by item or customer that is not an open item or a customer row. */
    private Context context(LocalDate today) {
        Context context = new Context(today, histories());
        plans().forEach((itemId, plan) -> context.extras(itemId).plan = plan);
        db.jdbc().query("select customer_id, item_id, kind, reason, since, until from hold where released_at is null", rs -> {
            Hold hold = new Hold(Hold.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getDate(5).toLocalDate(),
                    Optional.ofNullable(rs.getDate(6)).map(Date::toLocalDate));
            long itemId = rs.getLong(2);
            (rs.wasNull() ? context.customerHolds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    : context.extras(itemId).holds).add(hold);
        });
        db.jdbc().query("select distinct on (item_id) item_id, promised_for, currency, amount, open_when_promised "
                + "from promise_to_pay order by item_id, id desc", rs -> {
            var currency = Money.currencyOf(rs.getString(3));
            context.extras(rs.getLong(1)).promise = new PromiseToPay(rs.getDate(2).toLocalDate(), Money.of(rs.getBigDecimal(4), currency),
                    Money.of(rs.getBigDecimal(5), currency));
        });
        db.jdbc().query("select item_id, kind, step_key, on_date, created_by from manual_override", rs -> {
            context.extras(rs.getLong(1)).overrides.add(new ManualOverride(
                    ManualOverride.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5)));
        });
        db.jdbc().query("select customer_id, channel from opt_out", rs -> {
            context.optOuts.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Channel.class)).add(Channel.valueOf(rs.getString(2)));
        });
        db.jdbc().query("select customer_id, planned_on, channel from notice where status = 'SENT' and planned_on > ?", rs -> {
            context.contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new ContactLog.Contact(rs.getDate(2).toLocalDate(), Channel.valueOf(rs.getString(3))));
        }, today.minusDays(60));
        db.jdbc().query("select customer_id, channel, max(coalesce(done_at, created_at))::date from notice "
                + "where status = 'FAILED' group by customer_id, channel", rs -> {
            context.bounces.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .put(Channel.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate());
        });
        engagement(context);
        return context;
    }

    /** What the customers did with the messages of the last 60 days (the longest skip-if window), by customer and item. */
    private void engagement(Context context) {
        db.jdbc().query("""
                select distinct n.customer_id, a.item_id, e.kind, (e.occurred_at at time zone c.time_zone)::date
                from delivery_event e join notice n on n.id = e.notice_id join customer c on c.id = n.customer_id
                    join action a on a.notice_id = e.notice_id
                where e.kind in ('READ', 'CLICKED') and e.occurred_at > ?""", rs -> {
            context.engagement.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                    .add(new Engagement(rs.getDate(4).toLocalDate(), rs.getString(3).equals("READ") ? Engagement.Kind.READ
                            : Engagement.Kind.LINK_OPENED));
        }, java.sql.Timestamp.valueOf(context.today.minusDays(61).atStartOfDay()));
    }

    /** Each item's payment plan, with its instalments in order. */
    private Map<Long, PaymentPlan> plans() {
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
        Map<Long, PaymentPlan> plans = new HashMap<>();
        planItem.forEach((planId, itemId) -> plans.put(itemId, new PaymentPlan(instalments.get(planId), agreed.get(planId))));
        return plans;
    }

    /**
     * The payment history of each customer that has one: allocated payments and how late they came, broken promises,
     * bounced messages. The overdue exposure, the score's last input, is summed from the open items as they are read.
     */
    private Map<Long, History> histories() {
        Map<Long, History> histories = new HashMap<>();
        db.jdbc().query("""
                with paid as (
                    select i.customer_id, count(*) as n, avg(greatest(a.created_at::date - i.due_date, 0)) as late
                    from allocation a join open_item i on i.id = a.item_id group by i.customer_id),
                broken as (
                    select i.customer_id, count(*) as n from action a join open_item i on i.id = a.item_id
                    where a.step_id = ? group by i.customer_id),
                bounced as (
                    select customer_id, count(*) as n from notice where status = 'FAILED' group by customer_id)
                select coalesce(paid.customer_id, broken.customer_id, bounced.customer_id), coalesce(paid.n, 0), coalesce(paid.late, 0),
                    coalesce(broken.n, 0), coalesce(bounced.n, 0)
                from paid full join broken on broken.customer_id = paid.customer_id
                    full join bounced on bounced.customer_id = coalesce(paid.customer_id, broken.customer_id)""", rs -> {
            histories.put(rs.getLong(1), new History(rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)));
        }, SpecialSteps.PROMISE_BROKEN);
        return histories;
    }

    private RiskScore risk(Map<Long, History> histories, long customerId, List<DunningItem> items, LocalDate today) {
        History history = histories.get(customerId);
        if (history == null) {
            return RiskScore.unknown();
        }
        // one sum per currency: amounts in different currencies are never added (the scorer weighs each on its own);
        // most customers owe in one currency, so that case sums plain decimals and makes one Money at the end
        Currency single = null;
        BigDecimal sum = BigDecimal.ZERO;
        Map<Currency, Money> several = null;
        for (DunningItem item : items) {
            if (!item.dueDate().isBefore(today)) {
                continue;
            }
            Currency currency = item.open().currency();
            if (several != null) {
                several.merge(currency, item.open(), Money::plus);
            } else if (single == null || single.equals(currency)) {
                single = currency;
                sum = sum.add(item.open().amount());
            } else {
                several = new HashMap<>(4);
                several.put(single, Money.of(sum, single));
                several.put(currency, item.open());
            }
        }
        Map<Currency, Money> overdue = several != null ? several : single == null ? Map.of() : Map.of(single, Money.of(sum, single));
        return scorer.score(new PaymentBehaviour(history.paid, history.averageDaysLate, history.broken, overdue, history.bounces));
    }

    /** What a customer's history says, before its overdue exposure is known. */
    private record History(int paid, BigDecimal averageDaysLate, int broken, int bounces) {}

    /** The customer columns the engine needs. */
    private record CustomerRow(String segment, ZoneId zone, Set<Channel> reachable) {}

    /** The per-run lookups and caches; used on the loading thread only. */
    private static final class Context {
        private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

        final LocalDate today;
        final Map<Long, History> histories;
        // holds, promises, plans and overrides by item: most items have none, so one map and one lookup per item
        final Map<Long, ItemExtras> extras = new HashMap<>();
        final Map<Long, List<Hold>> customerHolds = new HashMap<>();
        final Map<Long, Set<Channel>> optOuts = new HashMap<>();
        final Map<Long, List<ContactLog.Contact>> contacts = new HashMap<>();
        final Map<Long, Map<Channel, LocalDate>> bounces = new HashMap<>();
        final Map<Long, Map<Long, List<Engagement>>> engagement = new HashMap<>();
        // most items share one of a few step lists, due dates and currencies: one object each, not one per item
        private final Map<String, Set<String>> stepSets = new HashMap<>(Map.of("", Set.of()));
        private final Map<String, ZoneId> zones = new HashMap<>();
        private final LocalDate[] dates = new LocalDate[1024];
        private String currencyCode = "";
        private Currency currency;
        private int scale;

        Context(LocalDate today, Map<Long, History> histories) {
            this.today = today;
            this.histories = histories;
        }

        ItemExtras extras(long itemId) {
            return extras.computeIfAbsent(itemId, k -> new ItemExtras());
        }

        /** An amount given in ten-thousandths, at the currency's own scale (refused, as always, if it has more decimals). */
        Money money(String code, long tenThousandths) {
            if (!code.equals(currencyCode)) {
                currency = Money.currencyOf(code);
                scale = Math.max(0, currency.getDefaultFractionDigits());
                currencyCode = code;
            }
            long unit = scale <= 4 ? POWERS_OF_TEN[4 - scale] : 0;
            return Money.of(unit != 0 && tenThousandths % unit == 0 ? BigDecimal.valueOf(tenThousandths / unit, scale)
                    : BigDecimal.valueOf(tenThousandths, 4), currency);
        }

        LocalDate date(int epochDay) {
            int slot = epochDay & (dates.length - 1);
            LocalDate cached = dates[slot];
            if (cached == null || cached.toEpochDay() != epochDay) {
                cached = LocalDate.ofEpochDay(epochDay);
                dates[slot] = cached;
            }
            return cached;
        }

        ZoneId zone(String id) {
            return zones.computeIfAbsent(id, ZoneId::of);
        }

        Set<String> steps(String list) {
            return stepSets.computeIfAbsent(list, l -> Set.of(l.split(",")));
        }
    }

    /** What may pause or steer one item; empty for most. */
    private static final class ItemExtras {
        List<Hold> holds = new ArrayList<>(1);
        PromiseToPay promise;
        PaymentPlan plan;
        List<ManualOverride> overrides = new ArrayList<>(1);
    }
}
