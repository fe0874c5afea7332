package io.recoup.adapters.twilio;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Optional;

/**
 * Twilio did not create a message or call: {@code passing} faults (429, 5xx, no answer) are retried, the others (a
 * number Twilio cannot reach, a refused sender) are final and name Twilio's error code.
 */
final class TwilioFault extends RecoupException {
    private final boolean passing;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    TwilioFault(String message, boolean passing, int status, Optional<Duration> retryAfter) {
        super(ErrorCode.CHANNEL_FAILURE, message);
        this.passing = passing;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    boolean passing() {
        return passing;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
