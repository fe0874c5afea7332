/** Tests of the SEPA value types: creditor reference (examples and properties), IBAN and BIC. */
package io.recoup.sepa;
