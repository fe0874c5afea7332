package io.recoup.sepa.xml;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place that configures StAX for files from outside, shared by every reader of this module (camt, pain.002,
 * pain.008): no DTD support, no external entities, no entity replacement, no external DTD access, and a resolver
 * that refuses everything. The JDK's own implementation is used on purpose ({@code newDefaultFactory}), because the
 * readers rely on it reporting a DOCTYPE as a DTD event before resolving anything, and a Woodstox or Aalto found on
 * the class path would behave differently.
 *
 * <p>The bytes are decoded here too, before the parser sees them: byte order mark or the XML declaration's
 * {@code encoding} (UTF-8 when neither says otherwise, as ISO 20022 prescribes), with a decoder that reports bad
 * bytes instead of replacing them. Decoding ourselves keeps the JDK parser's internal error handler from printing
 * "[Fatal Error]" to System.err for every file with a broken byte sequence.
 */
public final class SafeXml {
    private static final int PROLOG_LIMIT = 512;
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private SafeXml() {
    }

    /** A new locked-down factory; factories are cheap and not guaranteed thread-safe, so each reading takes one. */
    /** A parse over an open reader; it may throw what StAX throws. */
    @FunctionalInterface
    public interface Parse<T> {
        T run(XMLStreamReader xml) throws XMLStreamException;
    }

    /**
     * Reads a whole document with the safe factory and strict decoding: a failing stream becomes {@code READ_FAILED},
     * XML that is not well-formed {@code MALFORMED_XML} with its line. The caller owns {@code in}.
     */
    public static <T> T read(InputStream in, String origin, Parse<T> parse) {
        XMLStreamReader xml = null;
        try {
            xml = inputFactory().createXMLStreamReader(decodingReader(in, origin));
            return parse.run(xml);
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

    /** Text longer than this in one element is cut: no valid pain or camt field comes near it. */
    public static final int MAX_TEXT = 10_000;

    /**
     * Walks a document's events: a DOCTYPE is refused ({@code UNSAFE_XML}) the moment it appears, element text is
     * collected into {@code text} up to {@link #MAX_TEXT} characters, and starts and ends go to the parse. Comments,
     * processing instructions and document events carry no data.
     */
    public static void walk(XMLStreamReader xml, String origin, StringBuilder text, Runnable start, Runnable end)
            throws XMLStreamException {
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> throw new SepaException(SepaErrorCode.UNSAFE_XML, origin
                        + ": the document has a DOCTYPE; DTDs, entity declarations and external references are refused");
                case XMLStreamConstants.START_ELEMENT -> start.run();
                case XMLStreamConstants.END_ELEMENT -> end.run();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (text.length() < MAX_TEXT) {
                        text.append(xml.getText());
                    }
                }
                default -> {
                    // nothing to collect
                }
            }
        }
    }

    public static XMLInputFactory inputFactory() {
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

    /** A strict decoding reader over {@code in}, in the encoding the document declares. */
    public static Reader decodingReader(InputStream in, String origin) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(PROLOG_LIMIT);
        byte[] head = buffered.readNBytes(PROLOG_LIMIT);
        buffered.reset();
        Charset charset;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            buffered.skipNBytes(3);
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            buffered.skipNBytes(2);
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            buffered.skipNBytes(2);
        } else if (startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declared(head, origin);
        }
        return new StrictDecodingReader(buffered, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The encoding named in an ASCII-compatible XML declaration, else UTF-8. */
    private static Charset declared(byte[] head, String origin) {
        Matcher matcher = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SepaException(SepaErrorCode.MALFORMED_XML,
                    origin + ": the XML declaration names the encoding \"" + name + "\", which this JVM cannot decode", e);
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
