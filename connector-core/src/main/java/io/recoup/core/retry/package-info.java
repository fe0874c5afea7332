/**
 * Asking an outside service again after it said "not now": reading its {@code Retry-After}
 * ({@link io.recoup.core.retry.RetryAfter}), and the bounded budget of waits a call may spend on it before the failure
 * goes to the caller, whose next run asks again ({@link io.recoup.core.retry.RetryBudget}). Pure Java, with the clock
 * and the sleeping injected so tests wait for nothing; the adapters' HTTP calls use it.
 */
package io.recoup.core.retry;
