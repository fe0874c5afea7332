package io.recoup.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.ChangeNotifications;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.SourceReplayIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Syncs triggered by a source's change notifications: the real sync over PostgreSQL for the wiring, a counting one for
 * the debounce (changes that come together cost one sync, changes during a sync one more).
 */
class ChangeTriggersIT {
    private static final Instant WATERMARK = Instant.parse("2026-12-01T08:00:00Z");

    private final AtomicInteger syncs = new AtomicInteger();

    @Test
    void aChangeNotificationRunsTheSourcesIncrementalSyncAndClosingStopsListening() {
        NotifyingFeed feed = new NotifyingFeed();
        Database db = new Database(TestDatabase.fresh(), MutableClock.at(LocalDate.of(2026, 12, 1)));
        SourceSync sync = new SourceSync(feed, db, new LedgerRepository(db), new EventLog(db), MutableClock.at(LocalDate.of(2026, 12, 1)),
                Duration.ofMinutes(10), Duration.ofDays(1));
        sync.sync();
        ApiSource source = new ApiSource(feed, new NoPoster(), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofDays(1), Optional.of(Duration.ZERO));

        try (ChangeTriggers.All all = ChangeTriggers.startAll(List.of(source), List.of(new ScheduledSync(sync, Duration.ofMinutes(15))),
                new SourceReplayIds(db))) {
            feed.changed.run();

            await(() -> feed.requests.size() == 2);
            assertThat(feed.requests.get(1)).isEqualTo(FeedSyncRequest.changedSince(WATERMARK.minus(Duration.ofMinutes(10))));
            assertThat(feed.replays).isInstanceOf(SourceReplayIds.class);
        }
        assertThat(feed.closed).isTrue();
    }

    @Test
    void changesWithinTheDebounceWindowAskForOneSync() {
        ChangeTriggers triggers = new ChangeTriggers("sf", syncs::incrementAndGet, Duration.ofSeconds(1));

        for (int i = 0; i < 5; i++) {
            triggers.changed();
        }

        await(() -> syncs.get() >= 1 && triggers.idle());
        assertThat(syncs).hasValue(1);
        triggers.close();
    }

    @Test
    void changesDuringASyncQueueExactlyOneMore() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChangeTriggers triggers = new ChangeTriggers("sf", () -> {
            if (syncs.incrementAndGet() == 1) {
                started.countDown();
                awaitLatch(release);
            }
        }, Duration.ZERO);
        triggers.changed();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 10; i++) {
            triggers.changed();
        }
        release.countDown();

        await(() -> syncs.get() >= 2 && triggers.idle());
        assertThat(syncs).hasValue(2);
        triggers.close();
    }

    @Test
    void aSyncThatThrowsLeavesTheNextChangeItsSync() {
        ChangeTriggers triggers = new ChangeTriggers("sf", () -> {
            if (syncs.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone for a moment");
            }
        }, Duration.ZERO);
        triggers.changed();
        await(() -> syncs.get() == 1 && triggers.idle());

        triggers.changed();

        await(() -> syncs.get() == 2 && triggers.idle());
        triggers.close();
    }

    @Test
    void aSourceWhoseFeedSendsNoNotificationsCannotTurnThemOn() {
        OpenItemFeed plain = new OpenItemFeed() {
            @Override
            public String sourceName() {
                return "bc";
            }

            @Override
            public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages) {
                return new FeedSyncResult(Optional.empty(), 0, 0);
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiSource(plain, new NoPoster(), Duration.ofMinutes(15),
                        Duration.ofMinutes(10), Duration.ofDays(1), Optional.of(Duration.ofSeconds(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bc: cdc.enabled");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls {@code condition} until it holds, for at most 30 s (room for a loaded machine). */
    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A source with no items that reports changes when the test says so. */
    private static final class NotifyingFeed implements OpenItemFeed, ChangeNotifications {
        final List<FeedSyncRequest> requests = new CopyOnWriteArrayList<>();
        volatile Runnable changed;
        volatile ReplayStore replays;
        volatile boolean closed;

        @Override
        public String sourceName() {
            return "sf";
        }

        @Override
        public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages) {
            requests.add(request);
            return new FeedSyncResult(Optional.of(WATERMARK), 0, 1);
        }

        @Override
        public Subscription subscribe(ReplayStore replays, Runnable changed) {
            this.replays = replays;
            this.changed = changed;
            return () -> closed = true;
        }
    }

    /** Payments are not what these tests are about. */
    private static final class NoPoster implements LedgerPoster {
        @Override
        public java.util.Set<String> alreadyPosted(java.util.Set<String> documentNumbers) {
            return java.util.Set.of();
        }

        @Override
        public String post(List<io.recoup.core.port.LedgerPosting> postings) {
            throw new UnsupportedOperationException("no payments in this test");
        }
    }
}
