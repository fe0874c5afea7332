package io.recoup.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDateAgainstTheClock() {
        assertThat(RetryAfter.parse(Optional.of("30"), clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of(" 30 "), clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Mon, 23 Nov 2026 08:00:45 GMT"), clock)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse(Optional.of("Mon, 23 Nov 2026 07:59:00 GMT"), clock)).as("a date past").contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("-5"), clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of(" "), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void theWaitIsWhatTheServerAskedElseTheBackoffEitherCapped() {
        assertThat(RetryAfter.cappedWaitMillis(Optional.of(Duration.ofSeconds(2)), 500, Duration.ofSeconds(5))).isEqualTo(2_000);
        assertThat(RetryAfter.cappedWaitMillis(Optional.of(Duration.ofHours(1)), 500, Duration.ofSeconds(5))).isEqualTo(5_000);
        assertThat(RetryAfter.cappedWaitMillis(Optional.empty(), 500, Duration.ofSeconds(5))).isEqualTo(500);
        assertThat(RetryAfter.cappedWaitMillis(Optional.empty(), 9_000, Duration.ofSeconds(5))).isEqualTo(5_000);
    }

    @Test
    void aBudgetWaitsWhatWasAskedOnlyWithinItsAttemptsAndItsLongestWait() throws Exception {
        List<Duration> slept = new ArrayList<>();
        RetryBudget budget = new RetryBudget(3, Duration.ofSeconds(10), slept::add);

        assertThat(budget.waitBefore(2, Optional.of(Duration.ofSeconds(3)))).isTrue();
        assertThat(budget.waitBefore(3, Optional.of(Duration.ofSeconds(10)))).isTrue();
        assertThat(budget.waitBefore(4, Optional.of(Duration.ofSeconds(1)))).as("past the last attempt").isFalse();
        assertThat(budget.waitBefore(2, Optional.of(Duration.ofSeconds(11)))).as("longer than the budget").isFalse();
        assertThat(budget.waitBefore(2, Optional.empty())).as("no Retry-After").isFalse();
        assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
        assertThat(RetryBudget.NONE.waitBefore(2, Optional.of(Duration.ZERO))).isFalse();
    }
}
