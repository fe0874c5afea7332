/**
 * Payment status reports (ISO 20022 pain.002, "customer payment status report") the bank returns for a submitted
 * pain.008: group, payment-block and transaction status with reason codes. {@link io.recoup.sepa.pain002.Pain002Reader}
 * reads versions 001.03 to 001.14 in the ISO namespace (which the German DK variant shares) and the Swiss SIX
 * variant {@code pain.002.001.03.ch.02}, streaming with the module's locked-down StAX factory, collecting problems
 * with line and path. Uses the JDK, the xml package and the root package's exception.
 */
package io.recoup.sepa.pain002;
