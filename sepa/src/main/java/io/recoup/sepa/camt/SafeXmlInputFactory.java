package io.recoup.sepa.camt;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one place that configures StAX for files from outside: no DTD support, no external entities, no entity
 * replacement, no external DTD access, and a resolver that refuses everything. The JDK's own implementation is used
 * on purpose ({@code newDefaultFactory}), because the reader relies on it reporting a DOCTYPE as a DTD event before
 * resolving anything, and a Woodstox or Aalto found on the class path would behave differently.
 */
final class SafeXmlInputFactory {
    private SafeXmlInputFactory() {
    }

    static XMLInputFactory create() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return factory;
    }
}
