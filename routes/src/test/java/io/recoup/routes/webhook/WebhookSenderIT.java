package io.recoup.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.core.webhook.RetrySchedule;
import io.recoup.core.webhook.WebhookSignature;
import io.recoup.routes.webhook.Receiver.Answer;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.webhook.SecretSeal;
import io.recoup.store.webhook.WebhookDeliveries;
import io.recoup.store.webhook.WebhookSubscriptions;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound webhook worker against a real receiver (the JDK's HTTP server) replaying faults, on the embedded
 * PostgreSQL: signed, retried with backoff, parked for a person, never twice at once.
 */
class WebhookSenderIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final RetrySchedule RETRIES = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 3);
    /** Ample for a local answer on a busy machine; the slow receiver answers far later still. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final long SLOW = 10_000;

    private final Receiver receiver = new Receiver();
    private MutableClock clock;
    private Database db;
    private WebhookSubscriptions subscriptions;
    private WebhookDeliveries deliveries;
    private int notices;

    @BeforeEach
    void freshDatabase() {
        clock = MutableClock.at(DAY);
        db = new Database(TestDatabase.fresh(), clock);
        subscriptions = new WebhookSubscriptions(db, new SecretSeal(SecretSeal.newKey()));
        deliveries = new WebhookDeliveries(db, subscriptions);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private WebhookSender sender() {
        return new WebhookSender(db, deliveries, new WebhookSender.Settings(Duration.ofSeconds(2), READ_TIMEOUT, RETRIES),
                Clock.systemUTC(), () -> 0.5);
    }

    private WebhookSubscriptions.WithSecret subscribe(String url) {
        return subscriptions.create(url, List.of("notice.parked"), null, "admin");
    }

    private void parkANotice() {
        new EventLog(db).append(new DispatchEvent.Parked(new NoticeId(++notices), "template missing"));
    }

    private Map<String, Object> delivery() {
        return db.jdbc().queryForMap("select status, attempts, next_attempt_at, last_outcome from webhook_delivery");
    }

    @Test
    void postsTheEventSignedWithTheSubscriptionsSecretAndItsIdForDeDuplication() {
        String secret = subscribe(receiver.url("/erp", Answer.status(204))).secret();
        parkANotice();

        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(1, 0, 0));

        Receiver.Request request = receiver.to("/erp").get(0);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String eventId = db.jdbc().queryForObject("select event_id from webhook_delivery", String.class);
        assertThat(body).startsWith("{\"id\" : \"" + eventId + "\", \"type\" : \"notice.parked\", \"created\" : \"2026-03-02T")
                .endsWith("\"data\" : {\"notice\":\"1\",\"reason\":\"template missing\"}}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Recoup-Event-Id")).isEqualTo(eventId);
        assertThat(request.header("Idempotency-Key")).isEqualTo(eventId);
        assertThat(request.header("Recoup-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verifies(request.header("Recoup-Signature"), request.body(), secret.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(WebhookSignature.verifies(request.header("Recoup-Signature"), request.body(), "whsec_other".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 1).containsEntry("last_outcome", "answered 204");
    }

    @Test
    void aServerErrorIsTriedAgainAfterTheBackoffAndThenDeliveredOnce() {
        subscribe(receiver.url("/erp", Answer.status(500), Answer.status(200)));
        parkANotice();

        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(0, 1, 0));
        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("next_attempt_at", Timestamp.from(clock.instant().plus(Duration.ofMinutes(1))))
                .containsEntry("last_outcome", "answered 500");
        assertThat(sender().deliverDue(10)).as("not due before its backoff").isEqualTo(new WebhookSender.Report(0, 0, 0));

        clock.set(DAY.plusDays(1));
        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(1, 0, 0));
        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(0, 0, 0));
        assertThat(receiver.to("/erp")).hasSize(2);
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    }

    @Test
    void honoursRetryAfterOnA429() {
        subscribe(receiver.url("/erp", new Answer(429, Map.of("Retry-After", "120"), 0)));
        parkANotice();

        sender().deliverDue(10);

        assertThat(delivery()).containsEntry("status", "PENDING")
                .containsEntry("next_attempt_at", Timestamp.from(clock.instant().plus(Duration.ofSeconds(120))))
                .containsEntry("last_outcome", "answered 429 (Retry-After: 120)");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetriedAndParkedAfterTheLastAttempt() {
        subscribe(receiver.url("/slow", new Answer(200, Map.of(), SLOW)));
        parkANotice();

        for (int attempt = 1; attempt <= 3; attempt++) {
            sender().deliverDue(10);
            clock.set(DAY.plusDays(attempt));
        }

        assertThat(receiver.to("/slow")).hasSize(3);
        assertThat(delivery()).containsEntry("status", "PARKED").containsEntry("attempts", 3);
        assertThat((String) delivery().get("last_outcome")).startsWith("gave up after 3 attempts; the last no answer within 2000 ms");
        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(0, 0, 0));
    }

    @Test
    void a410IsParkedAtOnceAndAPersonCanSendItAgain() {
        subscribe(receiver.url("/gone", Answer.status(410), Answer.status(200)));
        parkANotice();

        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(0, 0, 1));
        assertThat(delivery()).containsEntry("status", "PARKED").containsEntry("attempts", 1)
                .containsEntry("last_outcome", "answered 410; a 4xx other than 408 and 429 is not tried again");

        long id = db.jdbc().queryForObject("select id from webhook_delivery", Long.class);
        assertThat(deliveries.redeliver(id, "ana")).isTrue();
        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(1, 0, 0));
        assertThat(delivery()).containsEntry("status", "DELIVERED");
        assertThat(deliveries.redeliver(id, "ana")).as("a delivered one is not sent again").isFalse();
        assertThat(receiver.to("/gone")).hasSize(2);
    }

    @Test
    void aFailingOrParkedSubscriberDoesNotHoldUpAnothersDeliveries() {
        subscribe(receiver.url("/slow", new Answer(200, Map.of(), SLOW)));
        subscribe(receiver.url("/gone", Answer.status(410)));
        subscribe(receiver.url("/fine", Answer.status(200)));
        parkANotice();
        parkANotice();
        parkANotice();

        assertThat(sender().deliverDue(100)).isEqualTo(new WebhookSender.Report(3, 1, 1));

        assertThat(receiver.to("/fine")).hasSize(3);
        assertThat(receiver.to("/slow")).as("passed over for the rest of the run after its first timeout").hasSize(1);
        assertThat(receiver.to("/gone")).hasSize(1);
        assertThat(db.jdbc().queryForList("select status || ' ' || attempts from webhook_delivery d join webhook_subscription s "
                + "on s.id = d.subscription_id where s.url like '%/slow' order by d.id", String.class))
                .containsExactly("PENDING 1", "PENDING 0", "PENDING 0");
    }

    @Test
    void anEventWhoseTransactionRollsBackSendsNothing() {
        subscribe(receiver.url("/erp", Answer.status(200)));
        assertThatThrownBy(() -> db.inTransaction(() -> {
            parkANotice();
            throw new IllegalStateException("the change fails after its event was logged");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sender().deliverDue(10)).isEqualTo(new WebhookSender.Report(0, 0, 0));
        assertThat(receiver.requests).isEmpty();
    }

    @Test
    void twoWorkersShareTheQueueAndNeverDeliverTheSameRowTwice() throws Exception {
        subscribe(receiver.url("/erp", new Answer(200, Map.of(), 5)));
        subscribe(receiver.url("/crm", Answer.status(200)));
        for (int i = 0; i < 40; i++) {
            parkANotice();
        }

        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<WebhookSender.Report>> runs = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                WebhookSender sender = sender();
                runs.add(workers.submit(() -> sender.deliverDue(1000)));
            }
            int delivered = 0;
            for (Future<WebhookSender.Report> run : runs) {
                delivered += run.get(60, TimeUnit.SECONDS).delivered();
            }
            assertThat(delivered).isEqualTo(80);
        } finally {
            workers.shutdownNow();
        }

        assertThat(receiver.requests).hasSize(80);
        assertThat(receiver.requests.stream().map(r -> r.path() + " " + r.header("Recoup-Event-Id")).distinct()).hasSize(80);
        assertThat(db.jdbc().queryForObject("select count(*) from webhook_delivery where status = 'DELIVERED' and attempts = 1",
                Long.class)).isEqualTo(80);
    }
}
