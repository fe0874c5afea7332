package io.recoup.store.dispatch;

import io.recoup.core.dunning.Notice;
import io.recoup.core.dunning.NoticeLine;
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
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The notice outbox: each planned notice with one action row per (item, step) it carries. Dispatch takes due notices
 * with SKIP LOCKED; the action rows follow their notice's status, both along {@link NoticeLifecycle}.
 */
public final class NoticeRepository {
    private final Database db;
    private final LifecycleRows<NoticeStatus, NoticeEvent> notices;
    private final LifecycleRows<NoticeStatus, NoticeEvent> actions;

    public NoticeRepository(Database db) {
        this.db = db;
        this.notices = new LifecycleRows<>(db, "notice", NoticeLifecycle.TABLE);
        this.actions = new LifecycleRows<>(db, "action", NoticeLifecycle.TABLE);
    }

    /** Makes this transaction the only planner until it ends (several instances may share one database). */
    public void lockPlanning() {
        db.jdbc().queryForList("select pg_advisory_xact_lock(7301)");
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
     * Stores the notice and its actions; returns its id, or empty when another planner already took one of its
     * (item, step) pairs, in which case nothing is stored.
     */
    public Optional<Long> insert(Notice notice, String policyId, String policyVersion, String factsJson) {
        long id = db.jdbc().queryForObject("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning id""", Long.class,
                notice.customerId(), notice.channel().name(), notice.template(), notice.leadStepKey(), notice.day(),
                Timestamp.from(notice.sendAfter()), policyId, policyVersion, notice.reason(), factsJson, notices.initial(),
                db.now());
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

    /** Locks the next planned notice due by {@code now} with an id above {@code afterId}; others skip locked rows. */
    public Optional<DueNotice> claimNext(Instant now, long afterId) {
        List<Map<String, Object>> rows = db.jdbc().queryForList("""
                select n.id, n.channel, n.template, n.attempts, n.customer_id, c.name, c.email, c.phone, c.language
                from notice n join customer c on c.id = n.customer_id
                where n.status = 'PLANNED' and n.send_after <= ? and n.id > ?
                order by n.id limit 1 for update of n skip locked""", Timestamp.from(now), afterId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> n = rows.get(0);
        long id = ((Number) n.get("id")).longValue();
        List<DueNotice.Line> lines = db.jdbc().query("""
                select a.id, a.step_id, i.id, i.number, i.due_date, i.currency, i.open_amount, i.creditor_reference, i.status,
                    a.late_interest, a.late_compensation
                from action a join open_item i on i.id = a.item_id where a.notice_id = ? order by i.due_date, i.id""",
                (rs, k) -> {
                    var currency = Money.currencyOf(rs.getString(6));
                    Optional<Money> charges = rs.getBigDecimal(10) == null ? Optional.empty()
                            : Optional.of(Money.of(rs.getBigDecimal(10), currency).plus(Money.of(rs.getBigDecimal(11), currency)));
                    return new DueNotice.Line(new ActionId(rs.getLong(1)), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), Money.of(rs.getBigDecimal(7), currency), rs.getString(8),
                            ItemStatus.valueOf(rs.getString(9)), charges);
                }, id);
        return Optional.of(new DueNotice(new NoticeId(id), Channel.valueOf((String) n.get("channel")), (String) n.get("template"),
                ((Number) n.get("attempts")).intValue(), ((Number) n.get("customer_id")).longValue(), (String) n.get("name"),
                Optional.ofNullable((String) n.get("email")), Optional.ofNullable((String) n.get("phone")),
                Locale.forLanguageTag((String) n.get("language")), lines));
    }

    /**
     * Carries out {@code event} on the notice and on its actions still planned (lines dropped earlier stay
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
     * Takes one item off a notice (it was paid since planning), so the message lists only what is still owed: the
     * action is cancelled. False when it already was (a deferred notice tried again).
     */
    public boolean dropLine(ActionId actionId, String why) {
        return actions.move(actionId.value(), NoticeEvent.CANCEL, "outcome = ?, done_at = ?", why, db.now());
    }

    /** Counts a delivery the channel asked to try later; the notice stays planned. */
    public boolean deferred(NoticeId noticeId, String reason) {
        return notices.move(noticeId.value(), NoticeEvent.DEFER, "outcome = ?, attempts = attempts + 1", reason);
    }

    /** Notices per day and status, for reports: "2026-03-02 SENT email 3". */
    public List<String> summary(LocalDate from, LocalDate to) {
        return db.jdbc().query("select planned_on, status, channel, count(*) from notice where planned_on between ? and ? "
                        + "group by 1, 2, 3 order by 1, 2, 3", (rs, n) -> rs.getDate(1) + " " + rs.getString(2) + " "
                        + rs.getString(3).toLowerCase(Locale.ROOT) + " " + rs.getLong(4), from, to)
                .stream().collect(Collectors.toList());
    }
}
