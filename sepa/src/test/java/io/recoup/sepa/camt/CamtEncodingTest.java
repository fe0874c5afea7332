package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Character encodings: what the file declares is honoured, and bytes invalid in it are a problem at their line. */
class CamtEncodingTest {
    private static final String MINIMAL = CamtFixtures.resource("camt053/minimal/statement.xml").replace("VERSION", "08");

    @Test
    void honoursAnIsoLatinOneDeclaration() {
        String text = MINIMAL.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("<Sts>BOOK</Sts>", "<Sts>BOOK</Sts><AddtlNtryInf>Rückzahlung Müller</AddtlNtryInf>");

        CamtDocument document = read(text.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(document.problems()).isEmpty();
        assertThat(document.entries().get(0).additionalInfo()).isEqualTo("Rückzahlung Müller");
    }

    @Test
    void readsUtf8WithByteOrderMarkAndUtf16() {
        String text = MINIMAL.replace("<Sts>BOOK</Sts>", "<Sts>BOOK</Sts><AddtlNtryInf>Gebühr €</AddtlNtryInf>");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(read(withBom).entries().get(0).additionalInfo()).isEqualTo("Gebühr €");
        assertThat(read(text.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16)).entries().get(0)
                .additionalInfo()).isEqualTo("Gebühr €");
    }

    @Test
    void reportsAByteInvalidInUtf8AtItsLineAfterDeliveringTheEntriesBeforeIt() {
        String entry = MINIMAL.substring(MINIMAL.indexOf("      <Ntry>"), MINIMAL.indexOf("    </Stmt>"));
        String text = MINIMAL.replace(entry, entry + entry + entry.replace("<Sts>BOOK</Sts>", "<Sts>BOOK</Sts>\n<AddtlNtryInf>BAD</AddtlNtryInf>"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int bad = text.indexOf("BAD");
        bytes[bad] = (byte) 0xFF;
        int badLine = (int) text.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
        List<CamtEntry> delivered = new ArrayList<>();

        CamtSummary summary = new CamtReader().read(new ByteArrayInputStream(bytes), "bad-byte",
                (statement, e) -> delivered.add(e));

        assertThat(delivered).hasSize(2);
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(badLine);
            assertThat(problem.message()).isEqualTo(
                    "not well-formed XML, reading stopped: bytes that are not valid in the document's character encoding");
        });
    }

    @Test
    void refusesAnEncodingTheJvmDoesNotKnow() {
        String text = MINIMAL.replace("encoding=\"UTF-8\"", "encoding=\"X-KLINGON-1\"");

        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.MALFORMED_XML))
                .hasMessageContaining("X-KLINGON-1");
    }

    private static CamtDocument read(byte[] bytes) {
        return new CamtReader().readAll(new ByteArrayInputStream(bytes), "encoding");
    }
}
