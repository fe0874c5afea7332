package io.recoup.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.event.DispatchEvent;
import io.recoup.core.event.IngestEvent;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound webhook outbox: written with the event it reports, claimed by one worker at a time. */
class WebhookOutboxIT {
    private Database db;
    private EventLog log;
    private WebhookSubscriptions subscriptions;
    private WebhookDeliveries deliveries;

    @BeforeEach
    void freshDatabase() {
        db = new Database(TestDatabase.fresh(), MutableClock.at(LocalDate.of(2026, 3, 2)));
        log = new EventLog(db);
        subscriptions = new WebhookSubscriptions(db, new SecretSeal(SecretSeal.newKey()));
        deliveries = new WebhookDeliveries(db, subscriptions);
    }

    private long count(String sql) {
        return db.jdbc().queryForObject(sql, Long.class);
    }

    @Test
    void writesOneDeliveryPerSubscriptionThatWantsTheEventNamingItsLogLine() {
        long exceptions = subscriptions.create("https://erp.example/hooks", List.of("exception.raised"), null, "admin").subscription().id();
        subscriptions.create("https://crm.example/hooks", List.of("item.paid"), null, "admin");

        log.appendAll(List.of(new IngestEvent.ItemInserted(new OpenItemKey("csv", "1"), "ledger.csv"),
                new MatcherEvent.Unmatched(new ReceiptId(7), "no reference")));

        long logId = db.jdbc().queryForObject("select id from event_log where what = 'unmatched'", Long.class);
        assertThat(db.jdbc().queryForList("select subscription_id, event_id, event_log_id, event_type, status, payload from webhook_delivery"))
                .singleElement().satisfies(d -> {
                    assertThat(d).containsEntry("subscription_id", exceptions).containsEntry("event_log_id", logId)
                            .containsEntry("event_type", "exception.raised").containsEntry("status", "PENDING");
                    assertThat((String) d.get("event_id")).matches("evt_[0-9a-f]{32}");
                    assertThat((String) d.get("payload")).startsWith("{\"id\" : \"" + d.get("event_id") + "\", \"type\" : \"exception.raised\"")
                            .contains("\"data\" : {\"kind\":\"unmatched\",\"receipt\":\"7\",\"reason\":\"no reference\"}");
                });
        assertThat(db.jdbc().queryForList("select what from event_log order by id", String.class)).containsExactly("inserted", "unmatched");
    }

    @Test
    void anEventWhoseTransactionRollsBackLeavesNoDelivery() {
        subscriptions.create("https://erp.example/hooks", List.of("notice.parked"), null, "admin");
        assertThatThrownBy(() -> db.inTransaction(() -> {
            log.append(new DispatchEvent.Parked(new NoticeId(3), "template missing"));
            throw new IllegalStateException("the change fails after its event was logged");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count("select count(*) from webhook_delivery")).isZero();
        assertThat(count("select count(*) from event_log")).isZero();
    }

    @Test
    void aWorkerNeverClaimsADeliveryAnotherHoldsAndADeletedSubscriptionsDeliveriesAreCancelled() throws Exception {
        long id = subscriptions.create("https://erp.example/hooks", List.of("notice.parked"), null, "admin").subscription().id();
        log.append(new DispatchEvent.Parked(new NoticeId(3), "template missing"));

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<WebhookDeliveries.Claimed>> first = other.submit(() -> db.inTransaction(() -> {
                Optional<WebhookDeliveries.Claimed> claimed = deliveries.claimNext(Set.of());
                held.countDown();
                await(release);
                return claimed;
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(db.inTransaction(() -> deliveries.claimNext(Set.of()))).isEmpty();
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            other.shutdownNow();
        }
        assertThat(db.inTransaction(() -> deliveries.claimNext(Set.of(id)))).isEmpty();

        assertThat(subscriptions.delete(id, "admin")).isTrue();
        assertThat(db.jdbc().queryForObject("select status from webhook_delivery", String.class)).isEqualTo("CANCELLED");
        log.append(new DispatchEvent.Parked(new NoticeId(4), "template missing"));
        assertThat(count("select count(*) from webhook_delivery")).isEqualTo(1);
    }

    @Test
    void keepsTheSecretSealedAndSignsWithTheOldOneToWhileARotationOverlaps() {
        WebhookSubscriptions.WithSecret made = subscriptions.create("https://erp.example/hooks", List.of("notice.parked"), null, "admin");
        assertThat(made.secret()).startsWith("whsec_");
        assertThat(made.toString()).doesNotContain(made.secret());
        byte[] stored = db.jdbc().queryForObject("select secret from webhook_subscription", byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(made.secret().substring(6));

        String rotated = subscriptions.rotate(made.subscription().id(), Duration.ofHours(24)).orElseThrow().secret();
        log.append(new DispatchEvent.Parked(new NoticeId(3), "template missing"));
        WebhookDeliveries.Claimed claimed = db.inTransaction(() -> deliveries.claimNext(Set.of())).orElseThrow();
        assertThat(deliveries.secrets(claimed)).extracting(s -> new String(s, StandardCharsets.UTF_8))
                .containsExactly(rotated, made.secret());

        WebhookDeliveries otherKey = new WebhookDeliveries(db, new WebhookSubscriptions(db, new SecretSeal(SecretSeal.newKey())));
        assertThatThrownBy(() -> otherKey.secrets(claimed)).isInstanceOfSatisfying(RecoupException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_SECRET_UNREADABLE));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
