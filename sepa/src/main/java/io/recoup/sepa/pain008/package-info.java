/**
 * SEPA direct-debit initiation files (ISO 20022 pain.008): {@link io.recoup.sepa.pain008.Pain008Writer} writes one
 * message per local instrument (CORE, B2B), groups its collections into payment-information blocks per (sequence
 * type, requested collection date, scheme), writes pain.008.001.08 (default) or pain.008.001.02 with StAX, and
 * validates every file against the XSD from a {@link io.recoup.sepa.pain008.SchemaSource} before returning it;
 * {@link io.recoup.sepa.pain008.Pain008Reader} reads such files back. Bank dialects sit behind
 * {@link io.recoup.sepa.pain008.Pain008Options}. Uses the JDK ({@code javax.xml.stream}, {@code javax.xml.validation}),
 * the root, xml, mandate and collection packages; the XSDs come from the hbci4j-core jar on the class path or from
 * files the caller names.
 */
package io.recoup.sepa.pain008;
