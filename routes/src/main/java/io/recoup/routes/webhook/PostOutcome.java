package io.recoup.routes.webhook;

import java.time.Duration;
import java.util.Optional;

/** What a subscriber made of one POST: taken, a passing failure worth another attempt, or refused for good. */
sealed interface PostOutcome {
    /** What the outcome is recorded as. */
    String description();

    /** A 2xx answer. */
    record Accepted(int status) implements PostOutcome {
        @Override public String description() { return "answered " + status; }
    }

    /** 408, 429, 5xx, a timeout or no connection: tried again, after {@code retryAfter} when the receiver said so. */
    record Passing(String description, Optional<Duration> retryAfter) implements PostOutcome {}

    /** Any other answer (a 4xx, a redirect): the receiver will not take it however often it is sent. */
    record Refused(String description) implements PostOutcome {}
}
