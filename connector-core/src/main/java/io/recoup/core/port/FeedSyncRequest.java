package io.recoup.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to read: everything open ({@link #full()}) or what changed at or after {@code changedSince} (the stored
 * watermark less the overlap window).
 */
public record FeedSyncRequest(Optional<Instant> changedSince) {
    public FeedSyncRequest {
        Objects.requireNonNull(changedSince, "changedSince");
    }

    public static FeedSyncRequest full() {
        return new FeedSyncRequest(Optional.empty());
    }

    public static FeedSyncRequest changedSince(Instant since) {
        return new FeedSyncRequest(Optional.of(since));
    }

    public boolean isFull() {
        return changedSince.isEmpty();
    }
}
