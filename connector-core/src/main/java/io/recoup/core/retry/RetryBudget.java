package io.recoup.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much one call may wait on a server that said "not now" with a {@code Retry-After}: at most {@code attempts}
 * tries in all, and never a wait longer than {@code longestWait}. A server asking for more than that, or a failure
 * without a {@code Retry-After}, goes straight back to the caller, whose queued work is tried on its next run; so a
 * rate limit costs one short, bounded pause instead of a whole run, and never an unbounded one.
 */
public record RetryBudget(int attempts, Duration longestWait, Sleeper sleeper) {
    /** One try, no waiting: a failure is the caller's at once. */
    public static final RetryBudget NONE = new RetryBudget(1, Duration.ZERO, Sleeper.THREAD);

    public RetryBudget {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, is " + attempts);
        }
        Objects.requireNonNull(longestWait, "longestWait");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits what the server asked before try {@code nextAttempt} (2 for the first retry) and says true, or says false
     * at once when the budget does not allow it.
     */
    public boolean waitBefore(int nextAttempt, Optional<Duration> asked) throws InterruptedException {
        if (nextAttempt > attempts || asked.isEmpty() || asked.get().compareTo(longestWait) > 0) {
            return false;
        }
        sleeper.sleep(asked.get());
        return true;
    }
}
