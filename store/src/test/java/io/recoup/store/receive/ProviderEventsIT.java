package io.recoup.store.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.lifecycle.IllegalTransition;
import io.recoup.core.lifecycle.ProviderEventStatus;
import io.recoup.core.port.ProviderEvent;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderEventsIT {
    private Database db;
    private ProviderEvents events;

    @BeforeEach
    void freshDatabase() {
        db = new Database(TestDatabase.fresh(), MutableClock.at(LocalDate.of(2026, 3, 2)));
        events = new ProviderEvents(db);
    }

    private static ProviderEvent event(String id, long created) {
        return new ProviderEvent("stripe", id, "checkout.session.completed", Instant.ofEpochSecond(created),
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesAnEventOnceHoweverOftenItIsDeliveredAndKeepsItsBytes() {
        assertThat(events.record(event("evt_1", 100))).isTrue();
        assertThat(events.record(event("evt_1", 100))).isFalse();
        assertThat(events.record(new ProviderEvent("gocardless", "evt_1", "payments", Instant.ofEpochSecond(5), new byte[] {1})))
                .as("the same id from another provider is another event").isTrue();

        assertThat(events.counts("stripe")).isEqualTo(Map.of(ProviderEventStatus.NEW, 1L));
        Optional<ProviderEvents.Claimed> claimed = db.inTransaction(events::claimNext);
        assertThat(claimed).get().extracting(ProviderEvents.Claimed::event).isEqualTo(event("evt_1", 100));
    }

    @Test
    void storesABatchInOneStatementCountingOnlyTheNewEventsOnceEach() {
        events.record(event("evt_known", 1));

        assertThat(events.recordAll(java.util.List.of(event("evt_known", 1), event("evt_new", 2), event("evt_new", 2),
                event("evt_other", 3)))).isEqualTo(2);
        assertThat(events.recordAll(java.util.List.of())).isZero();

        assertThat(db.jdbc().queryForList("select event_id from provider_event order by id", String.class))
                .containsExactly("evt_known", "evt_new", "evt_other");
    }

    @Test
    void twoWorkersNeverHoldTheSameEvent() throws Exception {
        events.record(event("evt_a", 1));
        events.record(event("evt_b", 2));
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> db.inTransaction(() -> {
                String id = events.claimNext().orElseThrow().event().eventId();
                firstHolds.countDown();
                awaitQuietly(secondDone);
                return id;
            }));
            assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
            String second = db.inTransaction(() -> events.claimNext().orElseThrow().event().eventId());
            secondDone.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("evt_a");
            assertThat(second).isEqualTo("evt_b");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHandledOrParkedEventIsNotClaimedAgainAndAParkedOneKeepsItsReason() {
        events.record(event("evt_a", 1));
        events.record(event("evt_b", 2));
        db.inTransaction(() -> events.markHandled(events.claimNext().orElseThrow().id(), "ignored: not ours"));
        long parked = db.inTransaction(() -> {
            long id = events.claimNext().orElseThrow().id();
            events.park(id, "metadata names no notice");
            return id;
        });

        assertThat(db.inTransaction(events::claimNext)).isEmpty();
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where id = ?", String.class, parked))
                .isEqualTo("metadata names no notice");
        assertThatThrownBy(() -> events.markHandled(parked, "again")).isInstanceOf(IllegalTransition.class);
        assertThat(events.retry(parked)).isTrue();
        assertThat(db.inTransaction(events::claimNext)).get().extracting(c -> c.event().eventId()).isEqualTo("evt_b");
    }

    @Test
    void theLatestEventIsTheNewestByTheProvidersClock() {
        assertThat(events.latestEventId("stripe")).isEmpty();
        events.record(event("evt_new", 200));
        events.record(event("evt_old", 100));

        assertThat(events.latestEventId("stripe")).contains("evt_new");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
