package io.recoup.adapters.sap;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to SAP that failed: transient (429, 5xx, a timeout, a connection dropped mid-response), which is retried,
 * or permanent (400, 401 after a fresh token, 403, 404), which is not. A 429 or 503 may carry the server's
 * {@code Retry-After}.
 */
final class SapHttpException extends RecoupException {
    private final boolean transientFault;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    SapHttpException(String message, boolean transientFault, int status, Optional<Duration> retryAfter, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, message, cause);
        this.transientFault = transientFault;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    boolean isTransient() {
        return transientFault;
    }

    /** The HTTP status, 0 when no response came. */
    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
