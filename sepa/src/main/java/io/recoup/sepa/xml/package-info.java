/**
 * XML plumbing shared by this module's readers: the locked-down StAX factory with strict byte decoding
 * ({@link io.recoup.sepa.xml.SafeXml}), an element stack that knows each element's line and sibling position
 * ({@link io.recoup.sepa.xml.ElementStack}) and the problem record readers collect instead of throwing
 * ({@link io.recoup.sepa.xml.XmlProblem}). Public only so the format packages can share it; not an API for other
 * modules. Uses only the JDK and the root package's {@link io.recoup.sepa.SepaException}.
 */
package io.recoup.sepa.xml;
