package io.recoup.core.retry;

import java.time.Duration;

/** Waits before asking again: the thread sleeps in production, a test records the wait and moves its clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
