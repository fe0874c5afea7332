package io.recoup.core.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a webhook delivery that failed for a passing reason (429, 5xx, 408, a timeout, a refused connection) is tried
 * again: {@code first} after the first attempt, four times as long after each further one, at most {@code longest},
 * each wait drawn at random between 80% and 120% of that so many instances' retries do not arrive together; a
 * receiver's {@code Retry-After} is honoured instead (up to {@code longest}). After {@code maxAttempts} attempts the
 * delivery is parked.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts) {
    private static final double JITTER = 0.2;

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a retry schedule waits a positive first delay, at most " + longest + ": " + first);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a webhook is attempted at least once, not " + maxAttempts + " times");
        }
    }

    /** Whether a delivery attempted {@code attempts} times (this one included) may be tried again. */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /**
     * How long to wait after the {@code attempt}-th attempt (from 1); {@code retryAfter} is the receiver's wish, and
     * {@code random} gives numbers in [0, 1).
     */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            return min(retryAfter.get(), longest);
        }
        Duration base = first;
        for (int i = 1; i < attempt && base.compareTo(longest) < 0; i++) {
            base = base.multipliedBy(4);
        }
        base = min(base, longest);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
