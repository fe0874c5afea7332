/**
 * PostgreSQL persistence, one sub-package per stage's tables: {@code ledger} (customers, open items, quarantine),
 * {@code plan} (what the planner reads, and the pauses people record), {@code dispatch} (the notice outbox), {@code
 * receipt} (receipts, allocations and the posting outbox) and {@code directdebit} (mandates, collections, pain.008
 * files). This package holds what they share: the {@link io.recoup.store.Database} (JDBC, transactions, clock), the
 * event log, {@link io.recoup.store.LifecycleRows} (the only writer of a lifecycle's status column) and the embedded
 * server used when no database is configured; the Flyway schema is in {@code db/migration}. Queues are read with
 * {@code FOR UPDATE SKIP LOCKED} so several instances can share them. Uses connector-core, Spring JDBC, Flyway and
 * the PostgreSQL driver.
 */
package io.recoup.store;
