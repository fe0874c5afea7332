package io.recoup.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTest {
    private final MovingClock clock = new MovingClock();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<Runnable> queued = new ArrayList<>();

    private Recent<Integer> recent(java.util.function.Supplier<Integer> read) {
        return new Recent<>(read, Duration.ofSeconds(30), clock, queued::add);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void set(Instant to) {
            now = to;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFirstRequestReadsAndLaterOnesWithinTheAgeGetThatReading() {
        Recent<Integer> figures = recent(reads::incrementAndGet);

        assertThat(figures.get().value()).isEqualTo(1);
        clock.set(clock.instant().plusSeconds(29));
        assertThat(figures.get().value()).isEqualTo(1);
        assertThat(figures.get().at()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(reads).hasValue(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void anOldReadingIsServedWhileOneRequestReadsAgainInTheBackground() {
        Recent<Integer> figures = recent(reads::incrementAndGet);
        figures.get();
        clock.set(clock.instant().plusSeconds(31));

        assertThat(figures.get().value()).isEqualTo(1);
        assertThat(figures.get().value()).isEqualTo(1);
        assertThat(queued).as("one reading started, not one per request").hasSize(1);
        queued.remove(0).run();
        assertThat(figures.get().value()).isEqualTo(2);
        assertThat(figures.get().at()).isEqualTo(clock.instant());
    }

    @Test
    void aReadingThatFailsKeepsTheLastOneAndTheNextRequestTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Recent<Integer> figures = recent(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database restarting");
            }
            return calls.get();
        });
        figures.get();
        clock.set(clock.instant().plusSeconds(31));
        figures.get();
        queued.remove(0).run();

        assertThat(figures.get().value()).isEqualTo(1);
        assertThat(queued).as("tried again").hasSize(1);
        queued.remove(0).run();
        assertThat(figures.get().value()).isEqualTo(3);
    }
}
