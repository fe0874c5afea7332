package io.recoup.adapters.salesforce;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.recoup.core.retry.RetryAfter;
import java.time.Duration;
import java.util.Optional;

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
        Optional<Duration> asked = outcome != null && outcome.isLeft() && outcome.getLeft() instanceof SalesforceFault fault
                ? fault.retryAfter() : Optional.empty();
        return RetryAfter.cappedWaitMillis(asked, exponential.apply(attempt), Duration.ofMillis(maxMillis));
    }
}
