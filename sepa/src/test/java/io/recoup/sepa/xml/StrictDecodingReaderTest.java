package io.recoup.sepa.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictDecodingReaderTest {

    @Test
    void handsOutTheCharactersBeforeABadByteAndFailsOnTheNextRead() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xC3, (byte) 0xBC, 'c', (byte) 0xFF, 'd'};
        StrictDecodingReader reader = reader(bytes);
        char[] buffer = new char[16];

        int read = reader.read(buffer, 0, buffer.length);

        assertThat(new String(buffer, 0, read)).isEqualTo("abüc");
        assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length)).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void keepsReportingTheEndAfterTheEnd() throws IOException {
        StrictDecodingReader reader = reader("ok".getBytes(StandardCharsets.UTF_8));
        char[] buffer = new char[1];

        assertThat(reader.read(buffer, 0, 1)).isEqualTo(1);
        assertThat(reader.read(buffer, 0, 1)).isEqualTo(1);
        assertThat(reader.read(buffer, 0, 1)).isEqualTo(-1);
        assertThat(reader.read(buffer, 0, 1)).isEqualTo(-1);
    }

    @Test
    void refusesASequenceCutOffByTheEndOfInput() throws IOException {
        StrictDecodingReader reader = reader(new byte[] {'x', (byte) 0xE2, (byte) 0x82});
        char[] buffer = new char[8];

        assertThat(reader.read(buffer, 0, 8)).isEqualTo(1);
        assertThatThrownBy(() -> reader.read(buffer, 0, 8)).isInstanceOf(MalformedInputException.class);
    }

    private static StrictDecodingReader reader(byte[] bytes) {
        return new StrictDecodingReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
