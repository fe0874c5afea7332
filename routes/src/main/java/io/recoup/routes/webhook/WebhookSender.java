package io.recoup.routes.webhook;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.webhook.RetrySchedule;
import io.recoup.core.webhook.WebhookSignature;
import io.recoup.store.Database;
import io.recoup.store.webhook.WebhookDeliveries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker of the outbound webhook outbox: takes one due delivery at a time in its own transaction
 * ({@code FOR UPDATE SKIP LOCKED}, held while the POST is in flight, so several instances share the queue and no row
 * goes out twice at once), signs it ({@link WebhookSignature}, the event id in {@code Recoup-Event-Id} and
 * {@code Idempotency-Key} so the receiver can drop a repeat) and records the outcome. 2xx is delivered; 408, 429, 5xx,
 * a timeout or no connection is tried again on the {@link RetrySchedule} (honouring {@code Retry-After}) and parked
 * once the attempts run out; any other answer parks it at once with the reason, for a person. A subscriber that failed
 * is passed over for the rest of the run, so a slow or broken receiver does not hold up the others.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    public static final String EVENT_ID = "Recoup-Event-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Database db;
    private final WebhookDeliveries deliveries;
    private final WebhookPoster poster;
    private final RetrySchedule retries;
    private final Clock wallClock;
    private final DoubleSupplier random;

    /** Bounded waits for each POST, the retry schedule, and the real clock the signature's {@code t} is read from. */
    public record Settings(Duration connectTimeout, Duration readTimeout, RetrySchedule retries) {}

    public WebhookSender(Database db, WebhookDeliveries deliveries, Settings settings, Clock wallClock, DoubleSupplier random) {
        this.db = db;
        this.deliveries = deliveries;
        this.poster = new WebhookPoster(settings.connectTimeout(), settings.readTimeout(), wallClock);
        this.retries = settings.retries();
        this.wallClock = wallClock;
        this.random = random;
    }

    /** What one run did. */
    public record Report(int delivered, int retried, int parked) {}

    private enum Result { DELIVERED, RETRIED, PARKED }

    /** Sends up to {@code limit} due deliveries. */
    public Report deliverDue(int limit) {
        int[] counts = new int[Result.values().length];
        Set<Long> failing = new HashSet<>();
        for (int i = 0; i < limit; i++) {
            Optional<Result> result = db.inTransaction(() -> deliverNext(failing));
            if (result.isEmpty()) {
                break;
            }
            counts[result.get().ordinal()]++;
        }
        Report report = new Report(counts[0], counts[1], counts[2]);
        if (report.retried() + report.parked() > 0) {
            LOG.info("webhooks: {} delivered, {} to be tried again, {} parked for a person", report.delivered(), report.retried(),
                    report.parked());
        }
        return report;
    }

    private Optional<Result> deliverNext(Set<Long> failing) {
        Optional<WebhookDeliveries.Claimed> next = deliveries.claimNext(failing);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        WebhookDeliveries.Claimed claimed = next.get();
        List<byte[]> secrets;
        try {
            secrets = deliveries.secrets(claimed);
        } catch (RecoupException e) {
            if (e.code() != ErrorCode.WEBHOOK_SECRET_UNREADABLE) {
                throw e;
            }
            failing.add(claimed.subscriptionId());
            return Optional.of(park(claimed, e.getMessage(), false));
        }
        byte[] body = claimed.payload().getBytes(StandardCharsets.UTF_8);
        PostOutcome outcome = poster.post(claimed.url(), body, Map.of(
                WebhookSignature.HEADER, WebhookSignature.header(wallClock.instant().getEpochSecond(), body, secrets),
                EVENT_ID, claimed.eventId(), IDEMPOTENCY_KEY, claimed.eventId(), "Recoup-Event-Type", claimed.eventType()));
        if (outcome instanceof PostOutcome.Accepted) {
            deliveries.delivered(claimed.id(), outcome.description());
            return Optional.of(Result.DELIVERED);
        }
        failing.add(claimed.subscriptionId());
        if (outcome instanceof PostOutcome.Refused) {
            return Optional.of(park(claimed, outcome.description(), true));
        }
        int attempts = claimed.attempts() + 1;
        if (!retries.allowsAnotherAfter(attempts)) {
            return Optional.of(park(claimed, "gave up after " + attempts + " attempts; the last " + outcome.description(), true));
        }
        Duration wait = retries.delayAfter(attempts, ((PostOutcome.Passing) outcome).retryAfter(), random);
        Instant due = db.clock().instant().plus(wait);
        deliveries.retryLater(claimed.id(), outcome.description(), due);
        LOG.debug("{} {}; tried again at {}", claimed, outcome.description(), due);
        return Optional.of(Result.RETRIED);
    }

    private Result park(WebhookDeliveries.Claimed claimed, String reason, boolean attempted) {
        LOG.warn("{} parked for a person: {}", claimed, reason);
        deliveries.park(claimed.id(), reason, attempted);
        return Result.PARKED;
    }
}
