/**
 * SEPA and ISO 20022 value types shared by every format in this module: the ISO 11649 creditor reference, IBAN and
 * BIC, the SEPA creditor identifier, mandate reference, end-to-end id (with Recoup's collection-id format), the
 * euro amount a SEPA payment can carry, the SEPA character sets ({@link io.recoup.sepa.SepaText}), and the module's
 * one root exception {@link io.recoup.sepa.SepaException} with its stable codes. Uses only the
 * JDK and iban4j; nothing here depends on connector-core.
 */
package io.recoup.sepa;
