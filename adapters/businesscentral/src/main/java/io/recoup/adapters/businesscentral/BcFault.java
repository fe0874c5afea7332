package io.recoup.adapters.businesscentral;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Optional;

/**
 * One failed exchange with Business Central: transient (429, 408, 5xx, a timeout or a connection dropped mid-page,
 * worth another attempt, after {@code retryAfter} when the server said so) or permanent (401 after a fresh token,
 * 400, 404, 412...). {@code status} is 0 when no HTTP status was read. Callers map it to their port's error once the
 * retries are spent.
 */
final class BcFault extends RecoupException {
    private final int status;
    private final boolean transientFault;
    private final Duration retryAfter;

    BcFault(int status, boolean transientFault, Duration retryAfter, String message, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, message, cause);
        this.status = status;
        this.transientFault = transientFault;
        this.retryAfter = retryAfter;
    }

    static BcFault of(int status, Duration retryAfter, String message) {
        boolean retry = status == 408 || status == 429 || status >= 500;
        return new BcFault(status, retry, retryAfter, message, null);
    }

    int status() {
        return status;
    }

    boolean isTransient() {
        return transientFault;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
