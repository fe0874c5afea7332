/**
 * Running Recoup as a service: the health of each dependency (database, ledger sources, SMTP, payment providers)
 * without secrets, and the cycle's metrics for Prometheus (notices per channel and status, receipts, matched share,
 * exceptions open, post-back lag, queue depths, how long each stage takes). Reads the store's {@code ops} readings.
 */
package io.recoup.app.ops;
