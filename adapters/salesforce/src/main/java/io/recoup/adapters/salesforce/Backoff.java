package io.recoup.adapters.salesforce;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;

/**
 * The wait before the next attempt: exponential with jitter (Resilience4j's randomized exponential backoff), or what
 * the server asked for in {@code Retry-After} when it said, each capped by the configured longest wait so a server
 * asking for an hour does not stall a sync that the scheduler will run again anyway.
 */
final class Backoff implements IntervalBiFunction<Object> {
    private final IntervalFunction exponential;
    private final long maxMillis;

    Backoff(SalesforceConfig.RetryPolicy policy) {
        this.maxMillis = policy.maxWait().toMillis();
        this.exponential = IntervalFunction.ofExponentialRandomBackoff(policy.initialWait(), 2.0, 0.5, policy.maxWait());
    }

    @Override
    public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome != null && outcome.isLeft() && outcome.getLeft() instanceof SalesforceFault fault
                && fault.retryAfter().isPresent()) {
            return Math.min(fault.retryAfter().get().toMillis(), maxMillis);
        }
        return Math.min(exponential.apply(attempt), maxMillis);
    }

    /** Reads {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    static java.util.Optional<Duration> retryAfter(java.util.Optional<String> header, java.time.Clock clock) {
        if (header.isEmpty() || header.get().isBlank()) {
            return java.util.Optional.empty();
        }
        String value = header.get().strip();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.Instant at = java.time.ZonedDateTime.parse(value,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (java.time.format.DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
    }
}
