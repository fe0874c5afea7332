package io.recoup.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A server's {@code Retry-After} (RFC 9110 10.2.3): how long it asked us to wait, given either as seconds or as an
 * HTTP date (measured against the injected clock; a date already past asks for no wait). Every adapter reads the header
 * here, so a 429 or 503 is honoured alike whichever form the provider uses.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait asked for; empty when the header is absent, blank or neither seconds nor an HTTP date. */
    public static Optional<Duration> parse(Optional<String> header, Clock clock) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /**
     * The wait before the next attempt in milliseconds: what the server asked for when it said, else the backoff's,
     * either capped by {@code longest} so a server asking for an hour does not stall a run the scheduler repeats anyway.
     */
    public static long cappedWaitMillis(Optional<Duration> asked, long backoffMillis, Duration longest) {
        return Math.min(asked.map(Duration::toMillis).orElse(backoffMillis), longest.toMillis());
    }
}
