/**
 * Customers and open items as Recoup keeps them, the upsert that takes in what the source ledger reports, and
 * the quarantine of records that could not be taken. Uses connector-core and the store's {@code Database}.
 */
package io.recoup.store.ledger;
