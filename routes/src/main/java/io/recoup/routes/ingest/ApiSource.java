package io.recoup.routes.ingest;

import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.OpenItemFeed;
import java.time.Duration;
import java.util.Objects;

/**
 * A source ledger read over an API as configured: its feed and poster, how often it is synced, the overlap window an
 * incremental sync reaches back by (clock skew between the source and Recoup) and how often a full sync runs (the
 * only way to see items deleted in a source that does not report deletions).
 */
public record ApiSource(OpenItemFeed feed, LedgerPoster poster, Duration every, Duration overlap, Duration fullEvery) {
    public ApiSource {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(poster, "poster");
        if (every.isNegative() || every.isZero() || overlap.isNegative() || fullEvery.isNegative() || fullEvery.isZero()) {
            throw new IllegalArgumentException(feed.sourceName() + ": every and full-sync-every must be positive, overlap not negative");
        }
    }

    public String name() {
        return feed.sourceName();
    }
}
