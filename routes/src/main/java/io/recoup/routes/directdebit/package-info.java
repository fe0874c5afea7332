/**
 * The SEPA Direct Debit lifecycle of a running Recoup: choose open items whose customer signed a mandate, send the
 * pre-notification, write the pain.008 file on the submission day, read pain.002 status reports and camt returns,
 * apply the return-reason policy, and settle what the bank did not send back. The rules (mandate lifecycle, dates,
 * file format, reason codes) live in the sepa module; rows live in the store; this package moves between them, one
 * transaction per unit of work, and offers the Camel routes that run it. Customers with an active mandate at a payment
 * provider (GoCardless) are collected there instead, through the core's {@code MandateCollector} port. Uses
 * connector-core ports, sepa, store and Camel.
 */
package io.recoup.routes.directdebit;
