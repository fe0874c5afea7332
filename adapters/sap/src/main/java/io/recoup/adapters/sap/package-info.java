/**
 * The SAP S/4HANA source: open customer items read over OData v2 from {@code API_OPLACCTGDOCITEMCUBE_SRV} (full or
 * incremental, keyset-paged, retried on transient faults) and payments posted back through the synchronous SOAP
 * service Journal Entry - Post ({@code JournalEntryCreateRequestConfirmation_In}), checked first by our document
 * number so nothing is posted twice. Uses the core's ports, the JDK's HTTP client, Jackson and Resilience4j; nothing
 * else in Recoup depends on this package.
 */
package io.recoup.adapters.sap;
