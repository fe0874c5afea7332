package io.recoup.sepa.pain008;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The last line of defence: bytes that got past every check of the value types are still refused by the XSD, with
 * every error named with line and column, and no file comes out. The tampering goes through the package-private
 * {@code Pain008Writer.finish}, the one way to a Pain008File.
 */
class Pain008SchemaRefusalTest {

    @Test
    void refusesAThirtySixCharacterEndToEndIdNamingElementLineAndColumn() {
        Pain008Writer writer = new Pain008Writer(Pain008Options.defaults(), TestCollections.CLOCK);
        Pain008File valid = writer.write(TestCollections.mixed()).get(0);
        String tooLong = "RCP-C" + "X".repeat(31);
        byte[] tampered = valid.xmlText().replace("<EndToEndId>RCP-CA1-1</EndToEndId>", "<EndToEndId>" + tooLong + "</EndToEndId>")
                .getBytes(StandardCharsets.UTF_8);
        int line = lineOf(new String(tampered, StandardCharsets.UTF_8), tooLong);

        assertThatThrownBy(() -> writer.finish(valid.messageId(), valid.scheme(), tampered, 6, valid.controlSum(), List.of()))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.SCHEMA_INVALID))
                .hasMessageContaining("pain.008.001.08 file RCP-20261123-0001-1 fails official ISO 20022 pain.008.001.08.xsd")
                .hasMessageContaining("with 2 errors; it was not written")
                .hasMessageContaining("line " + line + ", column ")
                .hasMessageContaining("maxLength '35'")
                .hasMessageContaining("element 'EndToEndId'");
    }

    @Test
    void refusesAForbiddenMandateIdCharacterWithTheDkSchemaOf02() {
        Pain008Writer writer = new Pain008Writer(Pain008Options.legacy02(), TestCollections.CLOCK);
        Pain008File valid = writer.write(TestCollections.mixed()).get(0);
        byte[] tampered = valid.xmlText().replace("<MndtId>M-A1</MndtId>", "<MndtId>M_A1&amp;</MndtId>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.finish(valid.messageId(), valid.scheme(), tampered, 6, valid.controlSum(), List.of()))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.SCHEMA_INVALID))
                .hasMessageContaining("Deutsche Kreditwirtschaft variant of pain.008.001.02.xsd")
                .hasMessageContaining("cvc-pattern-valid")
                .hasMessageContaining("'M_A1&'")
                .hasMessageContaining("element 'MndtId'");
    }

    @Test
    void refusesElementsOutOfOrderAndListsEveryError() {
        Pain008Writer writer = new Pain008Writer(Pain008Options.defaults(), TestCollections.CLOCK);
        Pain008File valid = writer.write(TestCollections.mixed()).get(0);
        byte[] tampered = valid.xmlText().replace("<ChrgBr>SLEV</ChrgBr>", "").replace("<PmtMtd>DD</PmtMtd>", "<PmtMtd>TRF</PmtMtd>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.finish(valid.messageId(), valid.scheme(), tampered, 6, valid.controlSum(), List.of()))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.getMessage().split("\n  ")).hasSizeGreaterThan(4))
                .hasMessageContaining("'TRF'");
    }

    @Test
    void bundlesTheSameOfficialPain00801_08XsdAsTheFixtures() throws IOException {
        String fixture = Files.readString(TestCollections.fixtures().resolve("xsd/pain.008.001.08.xsd"));
        try (InputStream bundled = Pain008SchemaRefusalTest.class.getClassLoader().getResourceAsStream("pain.008.001.08.xsd")) {
            assertThat(bundled).as("pain.008.001.08.xsd on the class path").isNotNull();
            String text = new String(bundled.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
            assertThat(text).isEqualTo(fixture.replace("\r", ""));
        }
        assertThat(SchemaSource.bundled().describe(Pain008Version.V08)).contains("official ISO 20022");
        assertThat(SchemaSource.bundled().schema(Pain008Version.V02)).isNotNull();
    }

    @Test
    void reportsAMissingXsdAsUnavailable() {
        SchemaSource nowhere = SchemaSource.directory(TestCollections.fixtures().resolve("no-such-folder"));
        Pain008Writer writer = new Pain008Writer(Pain008Options.defaults(), nowhere, TestCollections.CLOCK);

        assertThatThrownBy(() -> writer.write(TestCollections.mixed()))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.SCHEMA_UNAVAILABLE));
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return before.split("\n", -1).length;
    }
}
