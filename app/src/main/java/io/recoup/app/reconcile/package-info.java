/**
 * The offline {@code reconcile} job for auditors, support and tests: the same statement reading and the same matcher
 * as the running application, over a ledger CSV and camt statements, without a database, writing what it allocated
 * and what it left to a person as CSV files. Uses connector-core, sepa, the CSV adapter and the routes' statement
 * reading.
 */
package io.recoup.app.reconcile;
