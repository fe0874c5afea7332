package io.recoup.routes.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.receive.ProviderEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderEventCatchUpIT {
    private Database db;
    private ProviderEvents events;
    private final List<Instant> asked = new ArrayList<>();
    private final List<ProviderEvent> listed = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        db = new Database(TestDatabase.fresh(), MutableClock.at(LocalDate.of(2026, 3, 2)));
        events = new ProviderEvents(db);
    }

    private static ProviderEvent event(String id, Instant created) {
        return new ProviderEvent("stripe", id, "charge.refunded", created, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ProviderEventCatchUp catchUp(Map<String, ProviderEventFeed> feeds) {
        return new ProviderEventCatchUp(db, events, feeds, Duration.ofDays(3), db.clock());
    }

    @Test
    void storesWhatTheWebhooksMissedOnceAndAsksFromTheNewestStoredLessTheOverlap() {
        ProviderEventFeed feed = from -> {
            asked.add(from);
            return List.copyOf(listed);
        };
        Instant now = db.clock().instant();
        listed.add(event("evt_1", now.minusSeconds(60)));
        events.record(event("evt_0", now.minusSeconds(3600)));

        assertThat(catchUp(Map.of("stripe", feed)).catchUp()).containsEntry("stripe", new ProviderEventCatchUp.Found(1, 1));
        listed.add(event("evt_2", now.minusSeconds(30)));
        assertThat(catchUp(Map.of("stripe", feed)).catchUp()).containsEntry("stripe", new ProviderEventCatchUp.Found(2, 1));

        assertThat(asked).containsExactly(now.minusSeconds(3600).minus(ProviderEventCatchUp.OVERLAP),
                now.minusSeconds(60).minus(ProviderEventCatchUp.OVERLAP));
        assertThat(db.jdbc().queryForList("select event_id from provider_event order by event_id", String.class))
                .containsExactly("evt_0", "evt_1", "evt_2");
    }

    @Test
    void withNothingStoredItLooksBackAndAProviderThatCannotBeReachedDoesNotStopTheOthers() {
        Map<String, ProviderEventFeed> feeds = new java.util.LinkedHashMap<>();
        feeds.put("down", from -> {
            throw new FeedUnavailable("down", "GET /v1/events answered 429", null);
        });
        feeds.put("stripe", from -> {
            asked.add(from);
            return List.of();
        });

        assertThat(catchUp(feeds).catchUp()).containsEntry("down", new ProviderEventCatchUp.Found(-1, 0))
                .containsEntry("stripe", new ProviderEventCatchUp.Found(0, 0));
        assertThat(asked).containsExactly(db.clock().instant().minus(Duration.ofDays(3)));
    }
}
