package io.recoup.app.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure that is costly to read, kept with the time it was read: the aging sums every open item, a second or more at
 * 1,000,000 of them, and a page several people open must not pay that on every request. The first request reads it;
 * later ones get the last reading at once, and once it is older than {@code maxAge} one of them starts a new reading in
 * the background (the others still get the last one, marked with its time) rather than all waiting. A reading that
 * fails keeps the last one and is tried again by the next request.
 */
public final class Recent<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Recent.class);

    /** A value and when it was read. */
    public record Reading<T>(T value, Instant at) {}

    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private final Executor background;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Reading<T> last;

    Recent(Supplier<T> read, Duration maxAge, Clock clock, Executor background) {
        this.read = Objects.requireNonNull(read, "read");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
    }

    public Reading<T> get() {
        Reading<T> known = last;
        if (known == null) {
            synchronized (this) {
                if (last == null) {
                    last = new Reading<>(read.get(), clock.instant());
                }
                return last;
            }
        }
        if (known.at().plus(maxAge).isBefore(clock.instant()) && reading.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    last = new Reading<>(read.get(), clock.instant());
                } catch (RuntimeException e) {
                    LOG.warn("the figures could not be read again; the page keeps those of {}: {}", known.at(), e.getMessage());
                } finally {
                    reading.set(false);
                }
            });
        }
        return last;
    }
}
