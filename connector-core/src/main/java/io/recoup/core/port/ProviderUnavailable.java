package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/**
 * A payment provider's API could not be asked now (down, rate-limited, too slow) while handling an event or collecting
 * an item. Nothing is wrong with the work itself: it waits and is tried again on the next run, never parked.
 */
public final class ProviderUnavailable extends RecoupException {
    private final String provider;

    public ProviderUnavailable(String provider, String reason, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, provider + ": " + reason, cause);
        this.provider = provider;
    }

    /** The provider that could not be asked, as in {@code recoup.payments.<provider>}. */
    public String provider() {
        return provider;
    }
}
