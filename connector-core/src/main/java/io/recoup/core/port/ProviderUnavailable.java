package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Optional;

/**
 * A payment provider's API could not be asked now (down, rate-limited, too slow) while handling an event or collecting
 * an item. Nothing is wrong with the work itself: it waits and is tried again on the next run, never parked.
 */
public final class ProviderUnavailable extends RecoupException {
    private final String provider;
    private final transient Optional<Duration> retryAfter;

    public ProviderUnavailable(String provider, String reason, Throwable cause) {
        this(provider, reason, Optional.empty(), cause);
    }

    /** With the wait the provider asked for ({@code Retry-After}), before which asking it again is pointless. */
    public ProviderUnavailable(String provider, String reason, Optional<Duration> retryAfter, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, provider + ": " + reason, cause);
        this.provider = provider;
        this.retryAfter = retryAfter;
    }

    /** The wait the provider asked for, when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The provider that could not be asked, as in {@code recoup.payments.<provider>}. */
    public String provider() {
        return provider;
    }
}
