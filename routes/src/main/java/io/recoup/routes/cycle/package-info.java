/**
 * The whole cycle put together: the stage services of one instance ({@link io.recoup.routes.cycle.Stages}), what
 * drives them in {@code serve} (inbox watchers and the timer) and the day-by-day runner the demo and the tests use.
 * Depends on every stage package; no stage depends on it.
 */
package io.recoup.routes.cycle;
