package io.recoup.sepa.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;

/**
 * A Reader that refuses bytes which are not valid in its charset, like an InputStreamReader with
 * {@code CodingErrorAction.REPORT}, but only after handing out every character decoded before them. The JDK's
 * stream decoder drops those characters and fails the whole 8 KB read, which would hide the entries before the
 * broken byte and blur the line number of the problem.
 */
final class StrictDecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    // 64 KiB: fewer reads from the stream and longer runs for the decoder's ASCII fast path
    private final ByteBuffer bytes = ByteBuffer.allocate(65536).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pending;

    StrictDecodingReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = result.isMalformed() ? new MalformedInputException(result.length())
                        : new UnmappableCharacterException(result.length());
                return produced(out, offset);
            }
            if (result.isOverflow() || out.position() > offset) {
                return out.position() - offset;
            }
            if (endOfInput) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                }
                return out.position() > offset ? out.position() - offset : -1;
            }
            refill();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int produced(CharBuffer out, int offset) throws CharacterCodingException {
        if (out.position() > offset) {
            return out.position() - offset;
        }
        throw pending;
    }

    private void refill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }
}
