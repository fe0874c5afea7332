/**
 * The Salesforce source: open invoices read by SOQL over the REST API (paged by {@code nextRecordsUrl}, incremental by
 * the modstamp field, deletions through {@code queryAll}), and payments written back by upsert on an external id field
 * so that a retry after an unclear failure updates the one record instead of creating a second. The object and field
 * names come from a mapping with presets for Salesforce Billing, the standard {@code Invoice} object and custom
 * objects. Uses {@code connector-core} ports, {@code java.net.http}, Jackson and Resilience4j; nothing else.
 */
package io.recoup.adapters.salesforce;
