/**
 * What the finance dashboard reads: sums for aging and DSO (the rules stay in connector-core's reporting), and the
 * dashboard's tables (scheduled, failed, needs a person, the exceptions queue, a customer's items and timeline), each
 * one query read a page at a time or streamed whole for a CSV export. Read only; uses the store's {@code Database}.
 */
package io.recoup.store.report;
