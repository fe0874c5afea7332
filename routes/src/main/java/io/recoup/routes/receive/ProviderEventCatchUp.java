package io.recoup.routes.receive;

import io.recoup.core.RecoupException;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.store.Database;
import io.recoup.store.receive.ProviderEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what the webhooks missed: for each provider with an event list, every event created since the newest one
 * stored (less an overlap, as the provider's clock and delivery order are not ours), or over the look-back when none
 * is stored, is stored with the webhooks' dedupe, so the worker handles it like a delivery. A provider that cannot be
 * reached is skipped for this run, the others go on.
 */
public final class ProviderEventCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderEventCatchUp.class);
    /** Events arrive out of order: look this far behind the newest one stored. */
    static final Duration OVERLAP = Duration.ofMinutes(10);

    private final Database db;
    private final ProviderEvents events;
    private final Map<String, ProviderEventFeed> feeds;
    private final Duration lookBack;
    private final Clock clock;

    public ProviderEventCatchUp(Database db, ProviderEvents events, Map<String, ProviderEventFeed> feeds, Duration lookBack, Clock clock) {
        this.db = db;
        this.events = events;
        this.feeds = Map.copyOf(feeds);
        this.lookBack = lookBack;
        this.clock = clock;
    }

    /** What one run found per provider: listed and new, or -1 listed when the provider could not be read. */
    public record Found(int listed, int stored) {}

    public Map<String, Found> catchUp() {
        Map<String, Found> found = new LinkedHashMap<>();
        feeds.forEach((provider, feed) -> {
            Instant from = events.latestCreated(provider).map(t -> t.minus(OVERLAP)).orElse(clock.instant().minus(lookBack));
            try {
                var listed = feed.createdSince(from);
                int stored = db.inTransaction(() -> (int) listed.stream().filter(events::record).count());
                if (stored > 0) {
                    LOG.info("{}: {} event(s) the webhooks missed since {} are stored", provider, stored, from);
                }
                found.put(provider, new Found(listed.size(), stored));
            } catch (RecoupException e) {
                LOG.warn("{}: events could not be listed this run, the next run asks again: {}", provider, e.getMessage());
                found.put(provider, new Found(-1, 0));
            }
        });
        return found;
    }
}
