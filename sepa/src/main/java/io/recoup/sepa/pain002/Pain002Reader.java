package io.recoup.sepa.pain002;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads pain.002 status reports in one streaming pass with the same locked-down StAX factory as the camt reader: a
 * DOCTYPE is refused ({@code UNSAFE_XML}) before any entity or external resource is read. Content problems (a
 * transaction status without end-to-end id, a status code that is not four letters) are collected with line and
 * path; XML that is not well-formed ends the reading with {@code MALFORMED_XML}. Stateless and thread-safe.
 */
public final class Pain002Reader {

    public Pain002Report read(InputStream in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.inputFactory().createXMLStreamReader(SafeXml.decodingReader(in, origin));
            return new Pain002Parse(xml, origin).run();
        } catch (IOException e) {
            throw new SepaException(SepaErrorCode.READ_FAILED, origin + ": reading the input failed: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new SepaException(SepaErrorCode.MALFORMED_XML, origin + ": not well-formed XML at line "
                    + (e.getLocation() == null ? -1 : e.getLocation().getLineNumber()) + ": " + e.getMessage(), e);
        } finally {
            close(xml);
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // close() only frees parser buffers; the caller owns the stream and the outcome is already decided.
            return;
        }
    }
}
