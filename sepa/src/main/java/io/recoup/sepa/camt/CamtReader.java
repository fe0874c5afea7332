package io.recoup.sepa.camt;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.SafeXml;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads camt.052, camt.053 and camt.054 messages (versions 001.02 to 001.13) in one streaming pass with constant
 * memory: each statement header and entry goes to a {@link CamtHandler} as soon as it is complete and is then
 * forgotten. Problems in the content are collected with line and element path and reading goes on; XML that stops
 * being well-formed ends the reading with a problem, after everything before it was delivered.
 *
 * <p>Thrown as {@link SepaException}: a DOCTYPE ({@code UNSAFE_XML}, refused before any entity or external
 * resource is read), a document that is not a camt.052/053/054 Document, optionally inside an envelope with a
 * business application header ({@code UNSUPPORTED_MESSAGE}), input that is not XML at all before the message is
 * recognised ({@code MALFORMED_XML}), and a failing input stream ({@code READ_FAILED}). Instances hold no state and
 * may be shared between threads.
 */
public final class CamtReader {
    /** Problems recorded before reading stops, so that a broken file cannot grow memory without bound. */
    public static final int MAX_PROBLEMS = 1000;

    /** Streams the message to {@code handler}; {@code origin} (e.g. the file name) is used in every problem. */
    public CamtSummary read(InputStream in, String origin, CamtHandler handler) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(handler, "handler");
        XMLStreamReader xml;
        try {
            xml = SafeXml.inputFactory().createXMLStreamReader(SafeXml.decodingReader(in, origin));
        } catch (IOException e) {
            throw new SepaException(SepaErrorCode.READ_FAILED, origin + ": reading the input failed: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw notReadable(origin, e);
        }
        CamtParse parse = new CamtParse(xml, origin, handler);
        try {
            parse.run();
        } catch (XMLStreamException e) {
            if (!parse.isMessageRecognised() || isInputFailure(e)) {
                throw notReadable(origin, e);
            }
            parse.stopAtMalformedXml(e);
        } finally {
            close(xml);
        }
        return parse.summary();
    }

    /** Reads the whole message into memory with its problems; meant for files of a few thousand entries. */
    public CamtDocument readAll(InputStream in, String origin) {
        Collector collector = new Collector();
        CamtSummary summary = read(in, origin, collector);
        return new CamtDocument(collector.statements(), summary);
    }

    private static SepaException notReadable(String origin, XMLStreamException e) {
        if (isInputFailure(e)) {
            return new SepaException(SepaErrorCode.READ_FAILED, origin + ": reading the input failed: "
                    + cause(e).getMessage(), e);
        }
        return new SepaException(SepaErrorCode.MALFORMED_XML, origin + ": not a well-formed XML document at line "
                + (e.getLocation() == null ? -1 : e.getLocation().getLineNumber()) + ": " + CamtParse.reason(e), e);
    }

    /** An I/O error of the stream itself, as opposed to bytes that are not valid in the document's encoding. */
    private static boolean isInputFailure(XMLStreamException e) {
        Throwable cause = cause(e);
        return cause instanceof IOException && !(cause instanceof CharacterCodingException)
                && !(cause instanceof CharConversionException);
    }

    static Throwable cause(XMLStreamException e) {
        return e.getNestedException() != null ? e.getNestedException() : e.getCause();
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // close() only releases parser buffers; the caller owns the InputStream, and the outcome of the reading
            // (summary or exception) is already decided, so there is nothing left to report or undo.
            return;
        }
    }

    /** Keeps headers with their entries for {@link #readAll}; entries always follow their own header. */
    private static final class Collector implements CamtHandler {
        private final List<CamtStatement> headers = new ArrayList<>();
        private final List<List<CamtEntry>> entries = new ArrayList<>();

        @Override
        public void onStatement(CamtStatement header) {
            headers.add(header);
            entries.add(new ArrayList<>());
        }

        @Override
        public void onEntry(CamtStatement statement, CamtEntry entry) {
            entries.get(entries.size() - 1).add(entry);
        }

        List<CamtStatement> statements() {
            List<CamtStatement> statements = new ArrayList<>(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                statements.add(headers.get(i).withEntries(entries.get(i)));
            }
            return statements;
        }
    }
}
