/**
 * SEPA Direct Debit rows: mandates, one collection row per presentation with its state, the pain.008 files of
 * the outbox, the dunning block an item carries while it is being collected, and the review list of R-transactions.
 * Uses connector-core and the store's {@code Database}.
 */
package io.recoup.store.directdebit;
