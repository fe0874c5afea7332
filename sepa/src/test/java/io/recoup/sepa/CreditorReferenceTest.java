package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The computed examples of DOMAIN.md section 2 (ISO 11649 Annex A and B, python-stdnum) and the refusals. */
class CreditorReferenceTest {

    @ParameterizedTest
    @CsvSource({
            "2348231, RF712348231",
            "539007547034, RF18539007547034",
            "INV2026000123, RF98INV2026000123",
            "53900754703, RF5553900754703",
            "R5, RF48R5"})
    void computesTheCheckDigitsOfTheDomainExamples(String body, String expected) {
        assertThat(CreditorReference.forBody(body).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF712348231", "RF18539007547034", "RF98INV2026000123", "RF5553900754703", "RF48R5"})
    void acceptsTheDomainExamples(String reference) {
        assertThat(CreditorReference.isValid(reference)).isTrue();
        assertThat(CreditorReference.parse(reference).value()).isEqualTo(reference);
    }

    @Test
    void refusesAReferenceWhoseCheckDigitsDoNotMatch() {
        assertThat(CreditorReference.isValid("RF17539007547034")).isFalse();
        assertThatThrownBy(() -> CreditorReference.parse("RF17 5390 0754 7034"))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_CREDITOR_REFERENCE))
                .hasMessageContaining("\"RF17 5390 0754 7034\"")
                .hasMessageContaining("check digits do not match");
    }

    @Test
    void readsThePaperFormWithSpacesAndLowerCase() {
        CreditorReference reference = CreditorReference.parse(" rf18 5390 0754 7034 ");

        assertThat(reference.value()).isEqualTo("RF18539007547034");
        assertThat(reference).hasToString("RF18539007547034");
    }

    @Test
    void printsGroupsOfFour() {
        assertThat(CreditorReference.parse("RF18539007547034").printFormat()).isEqualTo("RF18 5390 0754 7034");
        assertThat(CreditorReference.parse("RF712348231").printFormat()).isEqualTo("RF71 2348 231");
        assertThat(CreditorReference.parse("RF48R5").printFormat()).isEqualTo("RF48 R5");
    }

    @Test
    void padsCheckDigitsBelowTenWithAZero() {
        // "7RF00" -> 7271500, mod 97 = 89, 98 - 89 = 9 (computed with python3).
        assertThat(CreditorReference.forBody("7").value()).isEqualTo("RF097");
        assertThat(CreditorReference.isValid("RF097")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|it is empty",
            "'   '|it is empty",
            "XX18539007547034|does not start with RF",
            "RF1A539007547034|two check digits",
            "RF18|body after the check digits must be 1 to 21",
            "RF18-5390-0754-7034|body after the check digits must be 1 to 21",
            "RF18ÄBC|body after the check digits must be 1 to 21",
            "RF181234567890123456789012|at most 25 are allowed"})
    void namesTheReasonForEveryMalformedReference(String text, String reason) {
        assertThat(CreditorReference.isValid(text)).isFalse();
        assertThatThrownBy(() -> CreditorReference.parse(text))
                .isInstanceOf(SepaException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(reason);
    }

    @Test
    void refusesNullWithItsOwnCode() {
        assertThat(CreditorReference.isValid(null)).isFalse();
        assertThatThrownBy(() -> CreditorReference.parse(null))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_CREDITOR_REFERENCE));
    }

    @Test
    void upperCasesTheBodyItBuildsFrom() {
        assertThat(CreditorReference.forBody("inv2026000123").value()).isEqualTo("RF98INV2026000123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "INV 2026", "INV-2026", "ÄBC", "ß", "1234567890123456789012"})
    void refusesBodiesThatAreNotOneToTwentyOneLettersOrDigits(String body) {
        assertThatThrownBy(() -> CreditorReference.forBody(body))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_CREDITOR_REFERENCE))
                .hasMessageContaining("\"" + body + "\"")
                .hasMessageContaining("1 to 21 letters A-Z or digits");
    }

    @Test
    void refusesAnInvalidValueThroughTheCanonicalConstructorToo() {
        assertThatThrownBy(() -> new CreditorReference("RF17539007547034")).isInstanceOf(SepaException.class);
        assertThatThrownBy(() -> new CreditorReference("rf18539007547034"))
                .isInstanceOf(SepaException.class)
                .hasMessageContaining("does not start with RF");
    }

    @Test
    void derivesAnInvoicesReferenceFromTheLettersAndDigitsOfItsNumber() {
        assertThat(CreditorReference.forInvoice("INV-2026-000123", "csv:1").value()).isEqualTo("RF98INV2026000123");
        assertThat(CreditorReference.forInvoice("inv/2026/7", "csv:2").value()).isEqualTo(CreditorReference.forBody("INV20267").value());
    }

    @Test
    void derivesAValidReferenceFromTheKeyWhenTheNumberDoesNotFitABody() {
        CreditorReference tooLong = CreditorReference.forInvoice("2026-000000000000000000123", "csv:INV-1");
        CreditorReference noDigits = CreditorReference.forInvoice("---", "csv:INV-2");

        assertThat(tooLong.value()).hasSize(25).isNotEqualTo(noDigits.value());
        assertThat(CreditorReference.isValid(tooLong.value())).isTrue();
        assertThat(CreditorReference.forInvoice("2026-000000000000000000123", "csv:INV-1")).isEqualTo(tooLong);
        assertThat(CreditorReference.forInvoice("2026-000000000000000000123", "csv:INV-3")).isNotEqualTo(tooLong);
    }
}
