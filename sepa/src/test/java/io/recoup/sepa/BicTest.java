package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ISO 9362 shape: 8 or 11 characters, letters for the country. */
class BicTest {

    @ParameterizedTest
    @ValueSource(strings = {"BPOTBEB1", "INGBNL2A", "GENODEF1PFK", "DEUTDEFF500", "MLCOUS33XXX"})
    void acceptsBicsFromTheFixturesAndDomainNotes(String text) {
        assertThat(Bic.isValid(text)).isTrue();
        assertThat(Bic.parse(text).value()).isEqualTo(text);
    }

    @Test
    void readsLowerCaseAndSpacesAndTellsTheCountryAndBranch() {
        Bic bic = Bic.parse("genode f1 pfk");

        assertThat(bic.value()).isEqualTo("GENODEF1PFK");
        assertThat(bic.countryCode()).isEqualTo("DE");
        assertThat(bic.hasBranchCode()).isTrue();
        assertThat(Bic.parse("INGBNL2A").hasBranchCode()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TEST12345|9 characters",
            "DEUTDEF|7 characters",
            "DEUT1EFF|country code",
            "DEUT-EFF500|country code",
            "DEUTDEFF50_|only letters A-Z and digits"})
    void namesTheReasonForEveryMalformedBic(String text, String reason) {
        assertThat(Bic.isValid(text)).isFalse();
        assertThatThrownBy(() -> Bic.parse(text))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_BIC))
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(reason);
    }
}
