package io.recoup.store.webhook;

import io.recoup.core.lifecycle.WebhookDeliveryLifecycle;
import io.recoup.core.lifecycle.WebhookDeliveryMove;
import io.recoup.core.lifecycle.WebhookDeliveryStatus;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox of outbound webhooks. Rows are written by {@link io.recoup.store.EventLog} with the event; the worker
 * claims one due row at a time inside its transaction ({@code FOR UPDATE SKIP LOCKED}, so several instances share the
 * queue and none delivers a row another holds), and marks it delivered, due again later, or parked with the reason,
 * through {@link WebhookDeliveryLifecycle}. A person re-queues a parked one.
 */
public final class WebhookDeliveries {
    private final Database db;
    private final WebhookSubscriptions subscriptions;
    private final LifecycleRows<WebhookDeliveryStatus, WebhookDeliveryMove> rows;

    public WebhookDeliveries(Database db, WebhookSubscriptions subscriptions) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.rows = new LifecycleRows<>(db, "webhook_delivery", WebhookDeliveryLifecycle.TABLE);
    }

    /** A due delivery the worker holds locked until its transaction ends, with where it goes and what signs it. */
    public record Claimed(long id, long subscriptionId, String eventId, String eventType, String payload, int attempts, String url,
                          byte[] secret, byte[] previousSecret, Timestamp previousUntil) {
        @Override
        public String toString() {
            return "delivery " + id + " of " + eventId + " (" + eventType + ") to subscription " + subscriptionId;
        }
    }

    /** A delivery as the API and the dashboard show it. */
    public record Shown(long id, long subscription, String eventId, String eventType, String status, int attempts,
                        Instant nextAttemptAt, String lastOutcome, Instant created, Instant finishedAt) {}

    /**
     * The oldest due delivery no other worker holds, locked, passing over the subscriptions in {@code skipped}
     * (whose receiver failed earlier in this run); call inside a transaction.
     */
    public Optional<Claimed> claimNext(Set<Long> skipped) {
        return db.jdbc().query("""
                select d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret, s.previous_secret,
                    s.previous_until
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ? and s.deleted_at is null and d.subscription_id <> all (?)
                order by d.next_attempt_at, d.id limit 1 for update of d skip locked""",
                (rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getString(7), rs.getBytes(8), rs.getBytes(9), rs.getTimestamp(10)),
                db.now(), skipped.toArray(Long[]::new)).stream().findFirst();
    }

    /**
     * The secrets that sign {@code claimed} now (two while a rotated one is still honoured); a
     * {@link io.recoup.core.ErrorCode#WEBHOOK_SECRET_UNREADABLE} when this instance's key did not seal them.
     */
    public List<byte[]> secrets(Claimed claimed) {
        return subscriptions.secrets(claimed.secret(), claimed.previousSecret(), claimed.previousUntil());
    }

    /** The receiver took it (2xx); {@code outcome} says what it answered. */
    public boolean delivered(long id, String outcome) {
        return rows.move(id, WebhookDeliveryMove.DELIVER, "attempts = attempts + 1, last_outcome = ?, finished_at = ?", outcome, db.now());
    }

    /** The attempt failed for a passing reason: tried again at {@code next}. */
    public void retryLater(long id, String outcome, Instant next) {
        db.jdbc().update("update webhook_delivery set attempts = attempts + 1, last_outcome = ?, next_attempt_at = ? where id = ?",
                outcome, Timestamp.from(next), id);
    }

    /** Refused for good or out of attempts: waits for a person with {@code reason}; {@code attempted}: a request was made. */
    public boolean park(long id, String reason, boolean attempted) {
        return rows.move(id, WebhookDeliveryMove.PARK, "attempts = attempts + ?, last_outcome = ?, finished_at = ?", attempted ? 1 : 0,
                reason, db.now());
    }

    /** A person sends a parked delivery again, at once and with a fresh count of attempts. */
    public boolean redeliver(long id, String by) {
        return rows.move(id, WebhookDeliveryMove.REDELIVER, "attempts = 0, next_attempt_at = ?, finished_at = null, "
                + "last_outcome = 'redelivered by ' || ? || ' after: ' || coalesce(last_outcome, '')", db.now(), by);
    }

    public Optional<Shown> find(long id) {
        return db.jdbc().query("select " + SHOWN + " from webhook_delivery where id = ?", (rs, n) -> shown(rs), id).stream().findFirst();
    }

    /** The deliveries of one subscription (all when null) in one status (any when null), newest first. */
    public List<Shown> page(Long subscription, WebhookDeliveryStatus status, int offset, int limit) {
        return db.jdbc().query("select " + SHOWN + " from webhook_delivery where (?::bigint is null or subscription_id = ?) "
                        + "and (?::text is null or status = ?) order by id desc offset ? limit ?", (rs, n) -> shown(rs),
                subscription, subscription, status == null ? null : status.name(), status == null ? null : status.name(), offset, limit);
    }

    /** How many deliveries wait and how many are parked (each counted on its partial index, never the whole table). */
    public record Depth(long pending, long parked) {}

    public Depth depth() {
        return new Depth(db.jdbc().queryForObject("select count(*) from webhook_delivery where status = 'PENDING'", Long.class),
                db.jdbc().queryForObject("select count(*) from webhook_delivery where status = 'PARKED'", Long.class));
    }

    private static final String SHOWN = "id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, last_outcome, "
            + "created, finished_at";

    private static Shown shown(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp(10);
        return new Shown(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getTimestamp(9).toInstant(), finished == null ? null : finished.toInstant());
    }
}
