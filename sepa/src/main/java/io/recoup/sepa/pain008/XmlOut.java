package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin StAX writer that indents by two spaces, so the schema errors of a refused file point at a readable line
 * and column. Every element goes into the one default namespace of the message.
 */
final class XmlOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
    private final XMLStreamWriter xml;
    private int depth;
    private boolean lastWasOpen;

    XmlOut(String namespace, String root) {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", root, namespace);
            xml.writeDefaultNamespace(namespace);
            xml.setDefaultNamespace(namespace);
            depth = 1;
            lastWasOpen = true;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut open(String name) {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
            lastWasOpen = true;
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut close() {
        try {
            depth--;
            if (!lastWasOpen) {
                indent();
            }
            xml.writeEndElement();
            lastWasOpen = false;
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code <name>text</name>}; nothing when {@code text} is null. */
    XmlOut leaf(String name, String text) {
        return text == null ? this : leaf(name, text, null, null);
    }

    XmlOut leaf(String name, String text, String attribute, String value) {
        try {
            indent();
            xml.writeStartElement(name);
            if (attribute != null) {
                xml.writeAttribute(attribute, value);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
            lastWasOpen = false;
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    byte[] finish() {
        try {
            while (depth > 0) {
                close();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        lastWasOpen = false;
    }

    private static SepaException failed(XMLStreamException e) {
        return new SepaException(SepaErrorCode.WRITE_FAILED, "Writing pain.008 XML failed: " + e.getMessage(), e);
    }
}
