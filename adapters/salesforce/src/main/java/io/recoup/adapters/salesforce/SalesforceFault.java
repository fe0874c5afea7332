package io.recoup.adapters.salesforce;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Optional;

/**
 * A request to Salesforce that failed: the HTTP status (0 when no response came: connection dropped, timeout), the
 * Salesforce error code of its error body ({@code REQUEST_LIMIT_EXCEEDED}, {@code INVALID_SESSION_ID},
 * {@code MALFORMED_QUERY}...), whether waiting may help (429, 5xx, no response, the concurrent request limit) and the
 * wait the server asked for in {@code Retry-After}. The one place provider errors become Recoup errors.
 */
final class SalesforceFault extends RecoupException {
    private final int status;
    private final String errorCode;
    private final boolean transientFault;
    private final Optional<Duration> retryAfter;

    SalesforceFault(int status, String errorCode, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.transientFault = status == 0 || status == 429 || status >= 500
                || (status == 403 && "REQUEST_LIMIT_EXCEEDED".equals(errorCode));
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    boolean isTransient() {
        return transientFault;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
