/**
 * Recoup's own SEPA direct-debit mandates: the {@link io.recoup.sepa.mandate.Mandate} value with its lifecycle as one
 * declared transition table ({@link io.recoup.sepa.mandate.MandateLifecycle}), amendments carried into the next
 * collection ({@link io.recoup.sepa.mandate.MandateAmendment}), the 36-month lapse, and the sequence type each
 * collection must carry ({@link io.recoup.sepa.mandate.SequenceType}). Pure values and rules: no I/O, no clock (every
 * date is given). Uses the root package's identifiers and iban4j for the bank code of an IBAN.
 */
package io.recoup.sepa.mandate;
