package io.recoup.store;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.PlannedAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The action outbox: planned steps, one row per (item, step), taken for dispatch with SKIP LOCKED. */
public final class ActionRepository {
    /** Final and intermediate states of an action. */
    public enum Status { PLANNED, SENT, TASK_OPEN, SKIPPED, FAILED, CANCELLED }

    private final Database db;

    public ActionRepository(Database db) {
        this.db = db;
    }

    /** Adds the action unless that (item, step) already has one; returns its id when it was new. */
    public Optional<Long> insert(PlannedAction a) {
        return db.jdbc().queryForList("""
                insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id,
                    policy_version, reason, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?)
                on conflict (item_id, step_id) do nothing returning id""", Long.class,
                a.itemId(), a.step().id(), a.step().channel().name(), a.step().template(), a.scheduledFor(), a.plannedOn(),
                a.policyId(), a.policyVersion(), a.reason(), db.now()).stream().findFirst();
    }

    /**
     * Locks up to {@code limit} planned actions due by {@code today} with an id above {@code afterId} (so one run
     * walks the queue once even when it leaves deferred actions planned); other instances skip the locked rows.
     */
    public List<DueAction> claimDue(LocalDate today, long afterId, int limit) {
        return db.jdbc().query("""
                select a.id, a.step_id, a.channel, a.template, a.planned_on, a.attempts, i.id as item_id, i.status,
                    i.number, i.due_date, i.currency, i.open_amount, i.creditor_reference, c.name, c.email, c.phone, c.language
                from action a join open_item i on i.id = a.item_id join customer c on c.id = i.customer_id
                where a.status = 'PLANNED' and a.planned_on <= ? and a.id > ?
                order by a.id limit ? for update of a skip locked""", ActionRepository::dueAction, today, afterId, limit);
    }

    public void complete(long actionId, Status status, String outcome) {
        db.jdbc().update("update action set status = ?, outcome = ?, attempts = attempts + 1, done_at = ? where id = ?",
                status.name(), outcome, db.now(), actionId);
    }

    /** Records a passing failure; the action stays planned and is tried again on the next dispatch run. */
    public void deferred(long actionId, String reason) {
        db.jdbc().update("update action set outcome = ?, attempts = attempts + 1 where id = ?", reason, actionId);
    }

    public Map<String, Object> row(long actionId) {
        return db.jdbc().queryForMap("select * from action where id = ?", actionId);
    }

    private static DueAction dueAction(ResultSet rs, int n) throws SQLException {
        return new DueAction(rs.getLong("id"), rs.getString("step_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("template"), rs.getDate("planned_on").toLocalDate(), rs.getInt("attempts"),
                rs.getLong("item_id"), ItemStatus.valueOf(rs.getString("status")), rs.getString("number"),
                rs.getDate("due_date").toLocalDate(), Money.of(rs.getBigDecimal("open_amount"), Money.currencyOf(rs.getString("currency"))),
                rs.getString("creditor_reference"), rs.getString("name"), Optional.ofNullable(rs.getString("email")),
                Optional.ofNullable(rs.getString("phone")), Locale.forLanguageTag(rs.getString("language")));
    }
}
