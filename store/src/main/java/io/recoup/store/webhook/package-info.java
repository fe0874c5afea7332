/**
 * Outbound webhooks in PostgreSQL: the subscriptions (their secrets sealed with a key kept outside the database) and
 * the delivery outbox, filled by {@link io.recoup.store.EventLog} in the event's own transaction and taken by the
 * worker with {@code FOR UPDATE SKIP LOCKED}. Uses the core's webhook types and lifecycle and the store's
 * {@link io.recoup.store.Database}.
 */
package io.recoup.store.webhook;
