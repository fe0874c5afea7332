/**
 * Receipts (keyed by provider and provider id), their allocations to open items, and the posting outbox each
 * allocation feeds (payments and reversals). Used by the receive, match and post-back stages and by direct-debit
 * settlement. Uses connector-core and the store's {@code Database}.
 */
package io.recoup.store.receipt;
