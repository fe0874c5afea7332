package io.recoup.sepa.camt;

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

/**
 * Decodes the bytes before the parser sees them: byte order mark or the XML declaration's {@code encoding} (UTF-8
 * when neither says otherwise, as ISO 20022 prescribes), with a decoder that reports bad bytes instead of replacing
 * them. Decoding ourselves keeps the JDK parser's internal error handler from printing "[Fatal Error]" to
 * System.err for every file with a broken byte sequence, and turns such bytes into an ordinary reading problem.
 */
final class XmlDecoding {
    private static final int PROLOG_LIMIT = 512;
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private XmlDecoding() {
    }

    static Reader reader(InputStream in, String origin) throws IOException {
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
