package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a pain.008.001.02 or 001.08 file back into typed values, with the same locked-down StAX factory as the camt
 * and pain.002 readers (a DOCTYPE is refused with {@code UNSAFE_XML} before anything is resolved). Used to check
 * what was written (round trips) and to inspect files from other tools; problems are collected with line and path.
 * National variants in other namespaces (e.g. the Swiss pain.008.001.02.ch.03) are refused as
 * {@code UNSUPPORTED_MESSAGE}.
 */
public final class Pain008Reader {

    public Pain008Document read(InputStream in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.inputFactory().createXMLStreamReader(SafeXml.decodingReader(in, origin));
            return new Pain008Parse(xml, origin).run();
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
