package io.recoup.store.plan;

import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.core.dunning.PaymentPlan;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people record to pause or steer dunning: disputes and dunning blocks (holds), promises to pay, payment plans,
 * channel opt-outs and manual overrides. The planner reads them through {@link CustomerCaseReader}.
 */
public final class PauseRepository {
    private final Database db;

    public PauseRepository(Database db) {
        this.db = db;
    }

    /** A hold on one item (itemId present) or on the whole customer; returns its id. */
    public long hold(long customerId, Optional<Long> itemId, Hold.Kind kind, String reason, LocalDate since, Optional<LocalDate> until,
                     String by) {
        return db.jdbc().queryForObject("""
                insert into hold (customer_id, item_id, kind, reason, since, until, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                customerId, itemId.orElse(null), kind.name(), reason, since, until.orElse(null), by, db.now());
    }

    /** Ends every open hold of the item; returns how many. */
    public int releaseItemHolds(long itemId) {
        return db.jdbc().update("update hold set released_at = ? where item_id = ? and released_at is null", db.now(), itemId);
    }

    /** Ends the open holds of {@code kind} on the item that {@code by} placed with a reason starting {@code reasonStart}; returns how many. */
    public int releaseItemHolds(long itemId, Hold.Kind kind, String by, String reasonStart) {
        return db.jdbc().update("""
                update hold set released_at = ? where item_id = ? and kind = ? and created_by = ? and starts_with(reason, ?)
                and released_at is null""", db.now(), itemId, kind.name(), by, reasonStart);
    }

    public int releaseCustomerHolds(long customerId) {
        return db.jdbc().update("update hold set released_at = ? where customer_id = ? and item_id is null and released_at is null",
                db.now(), customerId);
    }

    public long promise(long itemId, LocalDate promisedFor, Money amount, Money openNow, String by) {
        return db.jdbc().queryForObject("""
                insert into promise_to_pay (item_id, promised_for, currency, amount, open_when_promised, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                itemId, promisedFor, amount.currencyCode(), amount.amount(), openNow.amount(), by, db.now());
    }

    /** Agrees a payment plan for the item, replacing an earlier one. */
    public long plan(long itemId, List<PaymentPlan.Instalment> instalments, Money openNow, String by) {
        db.jdbc().update("delete from instalment where plan_id in (select id from payment_plan where item_id = ?)", itemId);
        db.jdbc().update("delete from payment_plan where item_id = ?", itemId);
        long id = db.jdbc().queryForObject("""
                insert into payment_plan (item_id, currency, open_when_agreed, created_by, created_at)
                values (?, ?, ?, ?, ?) returning id""", Long.class, itemId, openNow.currencyCode(), openNow.amount(), by, db.now());
        for (int i = 0; i < instalments.size(); i++) {
            db.jdbc().update("insert into instalment (plan_id, seq, due, amount) values (?, ?, ?, ?)",
                    id, i + 1, instalments.get(i).due(), instalments.get(i).amount().amount());
        }
        return id;
    }

    public long override(long itemId, ManualOverride.Kind kind, String stepKey, LocalDate on, String by) {
        return db.jdbc().queryForObject("""
                insert into manual_override (item_id, kind, step_key, on_date, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class, itemId, kind.name(), stepKey, on, by, db.now());
    }

    /** Records that the customer does not want messages on this channel; repeating it changes nothing. */
    public void optOut(long customerId, Channel channel) {
        db.jdbc().update("insert into opt_out (customer_id, channel, created_at) values (?, ?, ?) on conflict do nothing",
                customerId, channel.name(), db.now());
    }

    public Optional<Long> customerId(String source, String externalId) {
        return db.jdbc().queryForList("select id from customer where source = ? and external_id = ?", Long.class, source, externalId)
                .stream().findFirst();
    }

    /** Everything recorded for an item that steers its dunning, for a person to read. */
    public Map<String, Object> pausesOf(long itemId) {
        return Map.of(
                "holds", db.jdbc().queryForList("select kind, reason, since, until, created_by, released_at from hold "
                        + "where item_id = ? or (item_id is null and customer_id = (select customer_id from open_item where id = ?)) order by id",
                        itemId, itemId),
                "promises", db.jdbc().queryForList("select promised_for, currency, amount, created_by from promise_to_pay where item_id = ? order by id", itemId),
                "paymentPlan", db.jdbc().queryForList("select i.seq, i.due, i.amount from payment_plan p join instalment i on i.plan_id = p.id "
                        + "where p.item_id = ? order by i.seq", itemId),
                "overrides", db.jdbc().queryForList("select kind, step_key, on_date, created_by from manual_override where item_id = ? order by id", itemId));
    }

    /** The notices and steps taken for an item, newest first, with the reason each was (or was not) sent. */
    public List<Map<String, Object>> historyOf(long itemId) {
        return db.jdbc().queryForList("""
                select a.step_id, n.channel, n.status, n.planned_on, n.send_after, n.reason, n.outcome, n.facts::text as facts,
                    n.policy_id, n.policy_version
                from action a join notice n on n.id = a.notice_id where a.item_id = ? order by n.id desc""", itemId);
    }
}
