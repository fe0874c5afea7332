package io.recoup.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The application's clock: the system clock, unless a job (the demo, a back-test) sets the day it pretends to be.
 * Everything that needs the time gets this one instance.
 */
public final class SettableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant fixed;

    public SettableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on it is 09:00 on {@code day} in the company's zone. */
    public void setDay(LocalDate day) {
        fixed = day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
