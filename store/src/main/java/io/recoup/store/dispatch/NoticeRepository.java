package io.recoup.store.dispatch;

import io.recoup.core.dunning.Charges;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.Notice;
import io.recoup.core.dunning.NoticeLine;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.lifecycle.NoticeLifecycle;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The notice outbox: each planned notice with one action row per (item, step) it carries. Dispatch takes due notices
 * with SKIP LOCKED, records a message as being sent before it goes to its channel, and finds on the next run what an
 * interrupted send left; the action rows follow their notice's status, both along {@link NoticeLifecycle}.
 */
public final class NoticeRepository {
    /** The key of a hold on the whole customer among holds keyed by item id (ids start at 1). */
    private static final long CUSTOMER_WIDE = 0;

    private static final Logger LOG = LoggerFactory.getLogger(NoticeRepository.class);

    private final Database db;
    private final LifecycleRows<NoticeStatus, NoticeEvent> notices;
    private final LifecycleRows<NoticeStatus, NoticeEvent> actions;

    public NoticeRepository(Database db) {
        this.db = db;
        this.notices = new LifecycleRows<>(db, "notice", NoticeLifecycle.TABLE);
        this.actions = new LifecycleRows<>(db, "action", NoticeLifecycle.TABLE);
    }

    /**
     * Locks the items a customer's notices are about, in id order, before their actions are written: writing an
     * action updates its item (V7), and a dispatcher updating the items of an earlier notice locks them in id order
     * too, so the two wait for each other but never deadlock.
     */
    public void lockItems(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        db.jdbc().query(con -> {
            PreparedStatement statement = con.prepareStatement("select id from open_item where id = any (?) order by id for no key update");
            statement.setArray(1, con.createArrayOf("bigint", itemIds.toArray()));
            return statement;
        }, (rs, row) -> rs.getLong(1));
    }

    /**
     * Has PostgreSQL analyse the outbox's tables now, after a plan that added many notices, so that dispatch's look-ups
     * by notice are planned for the rows there are. Outside a transaction; a failure is logged, not thrown: the notices
     * are planned, and the database's own analysis comes later anyway.
     */
    public void refreshStatistics() {
        try {
            db.jdbc().execute("analyze notice, action");
        } catch (DataAccessException e) {
            LOG.warn("could not refresh the outbox's statistics after a large plan; PostgreSQL's own analysis will: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Stores the notice and its actions; returns its id, or empty when another planner already took one of its
     * (item, step) pairs, in which case nothing is stored.
     */
    public Optional<Long> insert(Notice notice, String policyId, String policyVersion, String factsJson) {
        // the risk and the amount as planned are kept as columns: "needs a person" sorts by them from an index (V28)
        Optional<Money> open = notice.openWhenPlanned();
        long id = db.jdbc().queryForObject("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at, planned_risk, planned_currency, planned_amount, segment_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                notice.customerId(), notice.channel().name(), notice.template(), notice.leadStepKey(), notice.day(),
                Timestamp.from(notice.sendAfter()), policyId, policyVersion, notice.reason(), factsJson, notices.initial(),
                db.now(), notice.risk(), open.map(Money::currencyCode).orElse(null), open.map(Money::amount).orElse(null),
                notice.segment().orElse(null));
        for (NoticeLine line : notice.lines()) {
            List<Long> inserted = db.jdbc().queryForList("""
                    insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id, policy_version,
                        reason, status, created_at, notice_id, late_interest, late_compensation, late_basis)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (item_id, step_id) where status not in ('FAILED', 'CANCELLED') do nothing returning id""",
                    Long.class, line.itemId(), line.stepKey(), notice.channel().name(), notice.template(), notice.day(),
                    notice.day(), policyId, policyVersion, notice.reason(), actions.initial(), db.now(), id,
                    line.charges().map(c -> c.interest().amount()).orElse(null),
                    line.charges().map(c -> c.fixedCompensation().amount()).orElse(null),
                    line.charges().map(c -> c.basis()).orElse(null));
            if (inserted.isEmpty()) {
                db.jdbc().update("delete from action where notice_id = ?", id);
                db.jdbc().update("delete from notice where id = ?", id);
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    /**
     * Locks the next planned notice due by {@code now} with an id above {@code afterId}; others skip locked rows. Only
     * the notice's own row is read, so a notice whose lines cannot be read can still be parked.
     */
    public Optional<ClaimedNotice> claimNext(Instant now, long afterId) {
        return claim("n.status = 'PLANNED' and n.send_after <= ? and n.id > ?", Timestamp.from(now), afterId);
    }

    /**
     * Locks the next notice above {@code afterId} found handed over to its channel with no outcome: a send that was
     * interrupted (the process died between the hand-over and the commit). A notice being sent right now is locked by
     * its dispatcher until its outcome is committed, so it is skipped here.
     */
    public Optional<ClaimedNotice> claimInterrupted(long afterId) {
        return claim("n.status = 'SENDING' and n.id > ?", afterId);
    }

    private Optional<ClaimedNotice> claim(String where, Object... args) {
        return db.jdbc().query("""
                select n.id, n.status, n.channel, n.lead_step,
                    (select coalesce(string_agg(i.number, ',' order by i.due_date, i.id), '') from action a
                     join open_item i on i.id = a.item_id where a.notice_id = n.id and a.status = n.status)
                from notice n where %s
                order by n.id limit 1 for update of n skip locked""".formatted(where),
                (rs, k) -> new ClaimedNotice(new NoticeId(rs.getLong(1)), NoticeStatus.valueOf(rs.getString(2)),
                        Channel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)), args).stream().findFirst();
    }

    /**
     * Everything dispatch needs of a claimed notice: its customer, the customer's active holds, and its lines still in
     * the notice's state (a line dropped earlier stays out), each with its item's active holds and latest promise.
     */
    public DueNotice load(ClaimedNotice claim) {
        long id = claim.noticeId().value();
        Map<String, Object> n = db.jdbc().queryForMap("""
                select n.template, n.attempts, n.possible_duplicate, n.customer_id, c.name, c.email, c.phone, c.language,
                    n.segment_id
                from notice n join customer c on c.id = n.customer_id where n.id = ?""", id);
        long customerId = ((Number) n.get("customer_id")).longValue();
        Map<Long, List<Hold>> holds = activeHolds(customerId, id);
        List<DueNotice.Line> lines = lines(claim, holds, latestPromises(id));
        return new DueNotice(claim, (String) n.get("template"), ((Number) n.get("attempts")).intValue(),
                (Boolean) n.get("possible_duplicate"), customerId, (String) n.get("name"), Optional.ofNullable((String) n.get("email")),
                Optional.ofNullable((String) n.get("phone")), Locale.forLanguageTag((String) n.get("language")),
                holds.getOrDefault(CUSTOMER_WIDE, List.of()), lines, optedOut(customerId),
                Optional.ofNullable((String) n.get("segment_id")));
    }

    /** The channels the customer opted out of (an unsubscribe, a STOP reply), perhaps since the notice was planned. */
    private Set<Channel> optedOut(long customerId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        db.jdbc().query("select channel from opt_out where customer_id = ?", rs -> {
            channels.add(Channel.valueOf(rs.getString(1)));
        }, customerId);
        return channels;
    }

    /** The notice's lines in its own state, each with its item's active holds and latest promise. */
    private List<DueNotice.Line> lines(ClaimedNotice claim, Map<Long, List<Hold>> holds, Map<Long, PromiseToPay> promises) {
        return db.jdbc().query("""
                select a.id, a.step_id, i.id, i.number, i.due_date, i.currency, i.open_amount, i.creditor_reference, i.status,
                    a.late_interest, a.late_compensation, a.late_basis
                from action a join open_item i on i.id = a.item_id where a.notice_id = ? and a.status = ?
                order by i.due_date, i.id""", (rs, k) -> {
            var currency = Money.currencyOf(rs.getString(6));
            Optional<Charges> charges = rs.getBigDecimal(10) == null ? Optional.empty()
                    : Optional.of(new Charges(Money.of(rs.getBigDecimal(10), currency), Money.of(rs.getBigDecimal(11), currency),
                            rs.getString(12) == null ? "" : rs.getString(12)));
            long itemId = rs.getLong(3);
            return new DueNotice.Line(new ActionId(rs.getLong(1)), rs.getString(2), itemId, rs.getString(4),
                    rs.getDate(5).toLocalDate(), Money.of(rs.getBigDecimal(7), currency), rs.getString(8),
                    ItemStatus.valueOf(rs.getString(9)), charges, holds.getOrDefault(itemId, List.of()),
                    Optional.ofNullable(promises.get(itemId)));
        }, claim.noticeId().value(), claim.status().name());
    }

    /** The customer's unreleased holds by item id, those on the whole customer under {@link #CUSTOMER_WIDE}. */
    private Map<Long, List<Hold>> activeHolds(long customerId, long noticeId) {
        Map<Long, List<Hold>> holds = new HashMap<>();
        db.jdbc().query("""
                select coalesce(item_id, ?), kind, reason, since, until from hold
                where released_at is null and customer_id = ? and (item_id is null or item_id in (select item_id from action where notice_id = ?))
                order by id""", rs -> {
            holds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Hold(Hold.Kind.valueOf(rs.getString(2)),
                    rs.getString(3), rs.getDate(4).toLocalDate(), Optional.ofNullable(rs.getDate(5)).map(Date::toLocalDate)));
        }, CUSTOMER_WIDE, customerId, noticeId);
        return holds;
    }

    /** The latest promise to pay of each item on the notice. */
    private Map<Long, PromiseToPay> latestPromises(long noticeId) {
        Map<Long, PromiseToPay> promises = new HashMap<>();
        db.jdbc().query("""
                select distinct on (item_id) item_id, promised_for, currency, amount, open_when_promised from promise_to_pay
                where item_id in (select item_id from action where notice_id = ?) order by item_id, id desc""", rs -> {
            var currency = Money.currencyOf(rs.getString(3));
            promises.put(rs.getLong(1), new PromiseToPay(rs.getDate(2).toLocalDate(), Money.of(rs.getBigDecimal(4), currency),
                    Money.of(rs.getBigDecimal(5), currency)));
        }, noticeId);
        return promises;
    }

    /**
     * Records, before the message goes to its channel, that the notice and its actions are being sent; committed on
     * its own, so a crash before the outcome is recorded leaves the notice {@code SENDING} for the next run to find.
     */
    public boolean handOver(NoticeId noticeId) {
        boolean moved = notices.move(noticeId.value(), NoticeEvent.HAND_OVER, "");
        actions.moveAll("notice_id", noticeId.value(), NoticeEvent.HAND_OVER, "");
        return moved;
    }

    /**
     * Marks an interrupted notice as sent again: the customer may receive it twice. Counts the interrupted attempt, so
     * a notice interrupted again and again ends with a person instead of being resent forever.
     */
    public void resendingAfterInterruption(NoticeId noticeId) {
        db.jdbc().update("update notice set possible_duplicate = true, attempts = attempts + 1 where id = ?", noticeId.value());
    }

    /**
     * Locks a notice handed over to its channel for the rest of the transaction, which records the channel's answer;
     * false when it is no longer being sent (a dispatcher that found it interrupted took it over first).
     */
    public boolean lockHandedOver(NoticeId noticeId) {
        return !db.jdbc().queryForList("select id from notice where id = ? and status = 'SENDING' for update",
                Long.class, noticeId.value()).isEmpty();
    }

    /**
     * Carries out {@code event} on the notice and on its actions in the notice's state (lines dropped earlier stay
     * cancelled). True when the notice moved, false when it had already taken the event.
     *
     * @throws io.recoup.core.lifecycle.IllegalTransition when the notice's state does not allow the event
     */
    public boolean complete(NoticeId noticeId, NoticeEvent event, String outcome) {
        String done = "outcome = ?, attempts = attempts + 1, done_at = ?";
        boolean moved = notices.move(noticeId.value(), event, done, outcome, db.now());
        actions.moveAll("notice_id", noticeId.value(), event, done, outcome, db.now());
        return moved;
    }

    /**
     * Takes one item off a notice (it was paid or paused since planning), so the message lists only what is still
     * owed: the action is cancelled. False when it already was.
     */
    public boolean dropLine(ActionId actionId, String why) {
        return actions.move(actionId.value(), NoticeEvent.CANCEL, "outcome = ?, done_at = ?", why, db.now());
    }

    /**
     * A sent notice the provider reported as never delivered: it and its sent actions fail, with the provider's
     * reason, so their step may be planned again on the next channel. False when it had already failed.
     */
    public boolean undelivered(NoticeId noticeId, String reason) {
        String done = "outcome = ?, done_at = ?";
        boolean moved = notices.move(noticeId.value(), NoticeEvent.UNDELIVERED, done, reason, db.now());
        actions.moveAll("notice_id", noticeId.value(), NoticeEvent.UNDELIVERED, done, reason, db.now());
        return moved;
    }

    /** Counts a delivery the channel asked to try later; the notice and its actions are planned again. */
    public boolean deferred(NoticeId noticeId, String reason) {
        boolean moved = notices.move(noticeId.value(), NoticeEvent.DEFER, "outcome = ?, attempts = attempts + 1", reason);
        actions.moveAll("notice_id", noticeId.value(), NoticeEvent.DEFER, "");
        return moved;
    }

    /** Notices per day and status, for reports: "2026-03-02 SENT email 3". */
    public List<String> summary(LocalDate from, LocalDate to) {
        return db.jdbc().query("select planned_on, status, channel, count(*) from notice where planned_on between ? and ? "
                        + "group by 1, 2, 3 order by 1, 2, 3", (rs, n) -> rs.getDate(1) + " " + rs.getString(2) + " "
                        + rs.getString(3).toLowerCase(Locale.ROOT) + " " + rs.getLong(4), from, to)
                .stream().collect(Collectors.toList());
    }
}
