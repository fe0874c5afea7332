/**
 * XML plumbing shared by this module's readers: the locked-down StAX factory with strict byte decoding
 * ({@link io.recoup.sepa.xml.SafeXml}), an element stack that knows each element's line and, for repeating
 * elements, sibling position ({@link io.recoup.sepa.xml.ElementStack}, tuned for the camt benchmark) and the
 * problem record the camt, pain.002 and pain.008 readers collect instead of throwing
 * ({@link io.recoup.sepa.xml.XmlProblem}, which their results expose). Public only so the format packages can share
 * it; apart from XmlProblem not an API for other modules. Uses only the JDK and the root package's
 * {@link io.recoup.sepa.SepaException}.
 */
package io.recoup.sepa.xml;
