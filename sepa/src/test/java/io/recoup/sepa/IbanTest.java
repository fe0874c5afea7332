package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IBANs verified in DOMAIN.md Appendix A, and iban4j's reasons for the ones it refuses. */
class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE33100205000001194700", "BE72000000001616", "NL91ABNA0417164300"})
    void acceptsTheVerifiedExamples(String text) {
        assertThat(Iban.isValid(text)).isTrue();
        assertThat(Iban.parse(text).value()).isEqualTo(text);
    }

    @Test
    void readsThePaperFormWithSpacesAndLowerCase() {
        Iban iban = Iban.parse("nl91 abna 0417 1643 00");

        assertThat(iban.value()).isEqualTo("NL91ABNA0417164300");
        assertThat(iban.countryCode()).isEqualTo("NL");
        assertThat(iban.printFormat()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(iban).hasToString("NL91ABNA0417164300");
    }

    @Test
    void refusesAWrongCheckDigitWithIban4jsReason() {
        assertThat(Iban.isValid("DE88370400440532013000")).isFalse();
        assertThatThrownBy(() -> Iban.parse("DE88 3704 0044 0532 0130 00"))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_IBAN))
                .hasMessageStartingWith("Invalid IBAN \"DE88370400440532013000\": ")
                .hasMessageContaining("check digit")
                .hasCauseInstanceOf(org.iban4j.InvalidCheckDigitException.class);
    }

    @Test
    void refusesAWrongLengthForTheCountry() {
        assertThatThrownBy(() -> Iban.parse("DE8937040044053201300"))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_IBAN))
                .hasMessageContaining("DE8937040044053201300")
                .hasCauseInstanceOf(org.iban4j.IbanFormatException.class);
    }

    @Test
    void refusesEmptyAndNullText() {
        assertThat(Iban.isValid(null)).isFalse();
        assertThatThrownBy(() -> Iban.parse(null)).isInstanceOf(SepaException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> Iban.parse("  ")).isInstanceOf(SepaException.class).hasMessageContaining("no text");
    }
}
