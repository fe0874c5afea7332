package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The computed examples of DOMAIN.md §3.1 (EPC262-08 check digits over national id + country + "00"). */
class CreditorIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE98ZZZ09999999999", "FR72ZZZ123456", "AT61ZZZ01234567890", "BE68ZZZ0123456789",
            "IT66ZZZA1B2C3D4E5F6G7H8", "NL42ZZZ123456780001"})
    void acceptsTheDomainExamples(String value) {
        assertThat(CreditorIdentifier.isValid(value)).isTrue();
        assertThat(new CreditorIdentifier(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"DE, ZZZ, 09999999999, DE98ZZZ09999999999", "FR, ZZZ, 123456, FR72ZZZ123456",
            "IT, ZZZ, A1B2C3D4E5F6G7H8, IT66ZZZA1B2C3D4E5F6G7H8", "NL, ZZZ, 123456780001, NL42ZZZ123456780001"})
    void computesTheCheckDigits(String country, String businessCode, String nationalId, String expected) {
        assertThat(CreditorIdentifier.of(country, businessCode, nationalId).value()).isEqualTo(expected);
    }

    @Test
    void skipsTheBusinessCodeWhenComputingTheCheckDigits() {
        CreditorIdentifier withCode = CreditorIdentifier.of("DE", "ABC", "09999999999");

        assertThat(withCode.value()).isEqualTo("DE98ABC09999999999");
        assertThat(withCode.sameCreditorAs(new CreditorIdentifier("DE98ZZZ09999999999"))).isTrue();
        assertThat(withCode.businessCode()).isEqualTo("ABC");
        assertThat(withCode.nationalId()).isEqualTo("09999999999");
        assertThat(withCode.checkDigits()).isEqualTo("98");
    }

    @Test
    void refusesWrongCheckDigitsNamingTheRule() {
        assertThatThrownBy(() -> new CreditorIdentifier("NL97ZZZ123456780001"))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_CREDITOR_IDENTIFIER))
                .hasMessageContaining("\"NL97ZZZ123456780001\"")
                .hasMessageContaining("check digits do not match");
    }

    @Test
    void refusesTheMadeUpIdentifierOfThePhpSepaXmlFixture() {
        // shared/fixtures/pain008/php-sepa-xml-*.xml use BG40ZZZ507778; the check digits would be 22 (python3).
        assertThat(CreditorIdentifier.isValid("BG40ZZZ507778")).isFalse();
        assertThat(CreditorIdentifier.of("BG", "ZZZ", "507778").value()).isEqualTo("BG22ZZZ507778");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DE98ZZZ", "1E98ZZZ09999999999", "DEX8ZZZ09999999999", "DE98ZZZ0999-999999",
            "DE98ZZZ0999999999999999999999999999"})
    void refusesMalformedIdentifiers(String value) {
        assertThatThrownBy(() -> new CreditorIdentifier(value)).isInstanceOf(SepaException.class);
    }

    @Test
    void readsThePrintedFormWithSpacesAndLowerCase() {
        assertThat(CreditorIdentifier.parse(" de98 zzz0 9999 9999 99").value()).isEqualTo("DE98ZZZ09999999999");
    }
}
