package io.recoup.store.webhook;

import io.recoup.core.lifecycle.WebhookDeliveryLifecycle;
import io.recoup.core.lifecycle.WebhookDeliveryMove;
import io.recoup.core.lifecycle.WebhookDeliveryStatus;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The tools subscribed to our events: a URL, the event types it wants and a secret we sign with. The secret is made
 * here, handed out once (on create and on rotation) and stored only sealed ({@link SecretSeal}); reading a
 * subscription never returns it. A deleted subscription is kept for the deliveries that name it, and what it had not
 * received yet is cancelled.
 */
public final class WebhookSubscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final SecretSeal seal;
    private final LifecycleRows<WebhookDeliveryStatus, WebhookDeliveryMove> deliveries;

    public WebhookSubscriptions(Database db, SecretSeal seal) {
        this.db = db;
        this.seal = seal;
        this.deliveries = new LifecycleRows<>(db, "webhook_delivery", WebhookDeliveryLifecycle.TABLE);
    }

    /** A subscription as it is shown: no secret; {@code previousSecretUntil} set while a rotated secret still signs. */
    public record Subscription(long id, String url, List<String> events, String description, Instant createdAt, String createdBy,
                               Optional<Instant> previousSecretUntil) {}

    /** A subscription just made or rotated, with its secret in clear: to be shown once and then forgotten. */
    public record WithSecret(Subscription subscription, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + subscription + ", secret hidden]";
        }
    }

    public WithSecret create(String url, List<String> events, String description, String createdBy) {
        String secret = newSecret();
        long id = db.jdbc().queryForObject("""
                insert into webhook_subscription (url, events, description, secret, created_at, created_by)
                values (?, ?::text[], ?, ?, ?, ?) returning id""", Long.class,
                url, events.toArray(String[]::new), description, seal.seal(secret.getBytes(StandardCharsets.UTF_8)), db.now(), createdBy);
        return new WithSecret(find(id).orElseThrow(), secret);
    }

    /** The subscriptions not deleted, oldest first. */
    public List<Subscription> live() {
        return db.jdbc().query("select " + COLUMNS + " from webhook_subscription where deleted_at is null order by id", this::row);
    }

    public Optional<Subscription> find(long id) {
        return db.jdbc().query("select " + COLUMNS + " from webhook_subscription where id = ? and deleted_at is null", this::row, id)
                .stream().findFirst();
    }

    /** Deletes the subscription and cancels what it has not received; false when there was none. */
    public boolean delete(long id, String by) {
        if (db.jdbc().update("update webhook_subscription set deleted_at = ?, deleted_by = ? where id = ? and deleted_at is null",
                db.now(), by, id) == 0) {
            return false;
        }
        deliveries.moveAll("subscription_id", id, WebhookDeliveryMove.CANCEL, "finished_at = ?, last_outcome = ?", db.now(),
                "the subscription was deleted by " + by);
        return true;
    }

    /**
     * Gives the subscription a new secret; the old one still signs (a second {@code v1}) for {@code overlap}, so the
     * receiver can switch without refusing a delivery. Empty when there is no such subscription.
     */
    public Optional<WithSecret> rotate(long id, Duration overlap) {
        String secret = newSecret();
        int changed = db.jdbc().update("""
                update webhook_subscription set previous_secret = secret, previous_until = ?, secret = ?
                where id = ? and deleted_at is null""",
                Timestamp.from(db.now().toInstant().plus(overlap)), seal.seal(secret.getBytes(StandardCharsets.UTF_8)), id);
        return changed == 0 ? Optional.empty() : Optional.of(new WithSecret(find(id).orElseThrow(), secret));
    }

    /** The secrets that sign for the subscription now: its own, then the previous one while it is still honoured. */
    List<byte[]> secrets(byte[] secret, byte[] previous, Timestamp previousUntil) {
        byte[] current = seal.open(secret);
        return previous != null && previousUntil != null && previousUntil.after(db.now())
                ? List.of(current, seal.open(previous)) : List.of(current);
    }

    private static final String COLUMNS = "id, url, events, description, created_at, created_by, previous_until";

    private Subscription row(ResultSet rs, int n) throws SQLException {
        Timestamp previous = rs.getTimestamp(7);
        return new Subscription(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6),
                previous == null || !previous.after(db.now()) ? Optional.empty() : Optional.of(previous.toInstant()));
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
