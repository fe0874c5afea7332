package io.recoup.sepa.epc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpcQrPayloadTest {

    private static EpcQrPayload.Builder valid() {
        return EpcQrPayload.builder().beneficiaryName("Muster GmbH").iban(new Iban("DE89370400440532013000"))
                .reference(CreditorReference.parse("RF98INV2026000123"));
    }

    @Test
    void reproducesTheWikipediaExampleByteForByte() {
        byte[] expected = String.join("\n", "BCD", "001", "1", "SCT", "BPOTBEB1", "Red Cross of Belgium",
                "BE72000000001616", "EUR1", "CHAR", "", "Urgency fund", "Sample EPC QR code").getBytes(StandardCharsets.UTF_8);

        assertThat(EpcQrExamples.redCross().bytes()).isEqualTo(expected);
    }

    @Test
    void reproducesTheRecoupExampleByteForByte() {
        String expected = "BCD\n002\n1\nSCT\n\nMuster GmbH\nDE89370400440532013000\nEUR149.90\n\nRF98INV2026000123\n\n"
                + "Invoice INV-2026-000123";

        byte[] bytes = EpcQrExamples.musterGmbh().bytes();

        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(bytes).hasSize(103);
    }

    @Test
    void leavesOutTrailingEmptyLinesAndUsesLfOnly() {
        String payload = valid().build().payload();

        assertThat(payload).isEqualTo("BCD\n002\n1\nSCT\n\nMuster GmbH\nDE89370400440532013000\n\n\nRF98INV2026000123");
        assertThat(payload).doesNotContain("\r").doesNotEndWith("\n");
    }

    @ParameterizedTest
    @CsvSource({"1, EUR1", "149.9, EUR149.9", "0.01, EUR0.01", "999999999.99, EUR999999999.99", "1E+2, EUR100"})
    void writesTheAmountPlainWithoutSeparators(String amount, String line) {
        assertThat(valid().amount(new BigDecimal(amount)).build().payload().split("\n")[7]).isEqualTo(line);
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        EpcQrPayload largest = EpcQrExamples.largest();
        assertThat(largest.bytes()).hasSize(EpcQrPayload.MAX_BYTES);

        String name = "Ä".repeat(70);
        EpcQrPayload.Builder twoByteNames = valid().beneficiaryName(name).reference(null).text("é".repeat(100))
                .information("ü".repeat(70));
        assertRule(twoByteNames::build, "EPC069-12: payload: ");
    }

    @Test
    void refusesBothRemittanceKinds() {
        assertRule(() -> valid().text("Invoice 1").build(),
                "EPC069-12: remittance: structured and unstructured are mutually exclusive");
    }

    @Test
    void allowsAPayloadWithoutRemittanceSinceBothKindsAreOptional() {
        EpcQrPayload bare = valid().reference(null).build();
        EpcQrPayload withInformation = valid().reference(null).amount(new BigDecimal("20")).information("Thank you").build();

        assertThat(bare.payload()).isEqualTo("BCD\n002\n1\nSCT\n\nMuster GmbH\nDE89370400440532013000");
        assertThat(withInformation.payload())
                .isEqualTo("BCD\n002\n1\nSCT\n\nMuster GmbH\nDE89370400440532013000\nEUR20\n\n\n\nThank you");
    }

    @Test
    void capsPayloadsOutsideAsciiAt330BytesSoTheUtf8DeclarationFits() {
        assertThat(EpcQrExamples.outsideAscii(330).bytes()).hasSize(330);
        assertThat(EpcQrExamples.largest().bytes()).as("all ASCII").hasSize(331);

        assertRule(() -> EpcQrExamples.outsideAscii(331), "EPC069-12: payload: 331 bytes in UTF-8 with characters"
                + " outside ASCII, at most 330 fit a version 13 symbol at level M together with the UTF-8 declaration");
    }

    @Test
    void refusesAMissingBicInVersion001() {
        assertRule(() -> valid().version("001").build(), "EPC069-12: BIC: mandatory in version 001");
        assertThat(valid().version("001").bic(new Bic("COBADEFFXXX")).build().payload()).contains("\nCOBADEFFXXX\n");
    }

    @Test
    void refusesAnUnknownVersion() {
        assertRule(() -> valid().version("003").build(), "EPC069-12: version: must be 001 or 002");
    }

    @Test
    void refusesAMissingBlankOrTooLongName() {
        assertRule(() -> valid().beneficiaryName("").build(), "EPC069-12: beneficiary name: mandatory");
        assertRule(() -> valid().beneficiaryName("   ").build(), "EPC069-12: beneficiary name: mandatory, and not blank");
        assertRule(() -> valid().beneficiaryName("N".repeat(71)).build(),
                "EPC069-12: beneficiary name: at most 70 characters, not 71");
    }

    @Test
    void refusesAMissingIban() {
        assertRule(() -> valid().iban(null).build(), "EPC069-12: beneficiary account: the IBAN is mandatory");
    }

    @ParameterizedTest
    @CsvSource({"0.00, must be EUR 0.01 to 999999999.99", "1000000000, must be EUR 0.01 to 999999999.99",
            "-1, must be EUR 0.01", "1.001, at most two decimals"})
    void refusesAmountsOutsideTheRange(String amount, String rule) {
        assertRule(() -> valid().amount(new BigDecimal(amount)).build(), "EPC069-12: amount: " + rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "GDD", "GDDSX", "gdds", "GDD1", "1234"})
    void refusesAPurposeThatIsNotExactlyFourCapitalLetters(String purpose) {
        assertRule(() -> valid().purpose(purpose).build(), "EPC069-12: purpose: an ISO 20022 purpose code"
                + " (ExternalPurpose1Code) of exactly four capital letters such as GDDS, not \"" + purpose + "\"");
    }

    @Test
    void refusesTooLongTexts() {
        assertRule(() -> valid().reference(null).text("T".repeat(141)).build(),
                "EPC069-12: unstructured remittance: at most 140 characters, not 141");
        assertRule(() -> valid().information("I".repeat(71)).build(),
                "EPC069-12: beneficiary to originator information: at most 70 characters, not 71");
    }

    @Test
    void refusesLineBreaksInsideAnElement() {
        assertRule(() -> valid().beneficiaryName("Muster\nGmbH").build(), "EPC069-12: beneficiary name: must not contain a line break");
        assertRule(() -> valid().information("a\rb").build(), "must not contain a line break");
    }

    static Stream<Arguments> lineSeparators() {
        return Stream.of(Arguments.of("Muster\r\nGmbH", "U+000D CARRIAGE RETURN (CR)"),
                Arguments.of("Muster\u2028GmbH", "U+2028 LINE SEPARATOR"),
                Arguments.of("Muster\u2029GmbH", "U+2029 PARAGRAPH SEPARATOR"),
                Arguments.of("Muster\u0085GmbH", "U+0085 NEXT LINE (NEL)"),
                Arguments.of("Muster\u000BGmbH", "U+000B LINE TABULATION"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("lineSeparators")
    void refusesEveryKindOfLineSeparatorInTheNameNamingIt(String name, String character) {
        assertRule(() -> valid().beneficiaryName(name).build(), "EPC069-12: beneficiary name: must not contain a line"
                + " break or other control character (lines separate the elements), found ");
        assertRule(() -> valid().beneficiaryName(name).build(), character);
    }

    @Test
    void refusesOneByteMoreThanTheVersion13Capacity() {
        EpcQrPayload largest = EpcQrExamples.largest();

        assertRule(() -> new EpcQrPayload(largest.version(), largest.bic(), largest.beneficiaryName(), largest.iban(),
                largest.amount(), largest.purpose(), null, largest.text() + "T", largest.information()),
                "EPC069-12: payload: 332 bytes in UTF-8, at most 331");
    }

    private static void assertRule(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.EPC_QR_RULE))
                .hasMessageStartingWith(message.startsWith("EPC069-12") ? message : "EPC069-12")
                .hasMessageContaining(message);
    }
}
