package io.recoup.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a delivery that failed for a passing reason is tried again. */
class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(12), 10);

    @Test
    void waitsFourTimesLongerAfterEachAttemptUpToTheLongestWait() {
        assertThat(schedule.delayAfter(1, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(4));
        assertThat(schedule.delayAfter(4, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(64));
        assertThat(schedule.delayAfter(9, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void spreadsEachWaitByAFifthEitherWay() {
        assertThat(schedule.delayAfter(2, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofSeconds(192));
        assertThat(schedule.delayAfter(2, Optional.empty(), () -> 0.999_999)).isBetween(Duration.ofSeconds(287), Duration.ofSeconds(288));
    }

    @Test
    void honoursTheReceiversRetryAfterUpToTheLongestWait() {
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(7)), () -> 0.9)).isEqualTo(Duration.ofSeconds(7));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofDays(3)), () -> 0.9)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void allowsAnotherAttemptOnlyBelowTheMaximum() {
        assertThat(schedule.allowsAnotherAfter(9)).isTrue();
        assertThat(schedule.allowsAnotherAfter(10)).isFalse();
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
