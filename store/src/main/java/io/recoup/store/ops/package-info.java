/**
 * What operations reads off the database for metrics and health: counts per status and channel, queue depths, the
 * age of the oldest payment waiting to be posted back, each payment provider's standing. Read-only, a few grouped
 * queries per reading; uses the store's {@link io.recoup.store.Database}.
 */
package io.recoup.store.ops;
