/**
 * A streaming reader for ISO 20022 bank-to-customer cash management messages: camt.052 (account report), camt.053
 * (statement) and camt.054 (debit/credit notification), versions 001.02 to 001.13. {@link
 * io.recoup.sepa.camt.CamtReader} walks the XML once with StAX, hands each statement header and each entry to a
 * {@link io.recoup.sepa.camt.CamtHandler} and forgets it, and collects every problem with its line and element path
 * instead of stopping at the first. The public types are the reader, the handler and the immutable records it
 * produces; problems are {@link io.recoup.sepa.xml.XmlProblem}s, as in the pain readers, and the builders are
 * package-private. Uses only the JDK ({@code javax.xml.stream}), the xml package shared with the pain readers (the
 * locked-down factory and byte decoding of {@link io.recoup.sepa.xml.SafeXml}, the element stack and the problem
 * record) and the root package's {@link io.recoup.sepa.SepaException}.
 */
package io.recoup.sepa.camt;
