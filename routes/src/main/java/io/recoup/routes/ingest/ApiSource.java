package io.recoup.routes.ingest;

import io.recoup.core.port.ChangeNotifications;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A source ledger read over an API as configured: its feed and poster, how often it is synced, the overlap window an
 * incremental sync reaches back by (clock skew between the source and Recoup), how often a full sync runs (the
 * only way to see items deleted in a source that does not report deletions), and, when the source's change
 * notifications are on, how long a change waits for others before it triggers a sync ({@link ChangeTriggers}).
 */
public record ApiSource(OpenItemFeed feed, LedgerPoster poster, Duration every, Duration overlap, Duration fullEvery,
                        Optional<Duration> changeDebounce) {
    public ApiSource {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(poster, "poster");
        if (every.isNegative() || every.isZero() || overlap.isNegative() || fullEvery.isNegative() || fullEvery.isZero()) {
            throw new IllegalArgumentException(feed.sourceName() + ": every and full-sync-every must be positive, overlap not negative");
        }
        if (changeDebounce.isPresent() && !(feed instanceof ChangeNotifications)) {
            throw new IllegalArgumentException(feed.sourceName() + ": cdc.enabled, but this type of source sends no change notifications");
        }
        if (changeDebounce.isPresent() && changeDebounce.get().isNegative()) {
            throw new IllegalArgumentException(feed.sourceName() + ": cdc.debounce must not be negative");
        }
    }

    /** A source synced on its schedule only. */
    public ApiSource(OpenItemFeed feed, LedgerPoster poster, Duration every, Duration overlap, Duration fullEvery) {
        this(feed, poster, every, overlap, fullEvery, Optional.empty());
    }

    public String name() {
        return feed.sourceName();
    }
}
