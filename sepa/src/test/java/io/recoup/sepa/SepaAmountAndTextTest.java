package io.recoup.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SepaAmountAndTextTest {

    @Test
    void keepsAmountsAtTwoDecimals() {
        assertThat(SepaAmount.of("12.3").plain()).isEqualTo("12.30");
        assertThat(new SepaAmount(new BigDecimal("1")).plain()).isEqualTo("1.00");
        assertThat(SepaAmount.of("999999999.99").plain()).isEqualTo("999999999.99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "0.001", "1000000000.00", "1,000.00", "1e3", "-5", "12.345"})
    void refusesAmountsASepaPaymentCannotCarry(String text) {
        assertThatThrownBy(() -> SepaAmount.of(text))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_AMOUNT));
    }

    @Test
    void refusesMoreThanTwoDecimalsInsteadOfRounding() {
        assertThatThrownBy(() -> new SepaAmount(new BigDecimal("10.005"))).hasMessageContaining("more than two decimals");
        assertThat(new SepaAmount(new BigDecimal("10.500")).plain()).isEqualTo("10.50");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Müller & Söhne GmbH|Mueller + Soehne GmbH",
            "Straße|Strasse",
            "José Ñúñez|Jose Nunez",
            "Łódź Œuvre|Lodz OEuvre",
            "Invoice #42; thanks|Invoice .42, thanks"})
    void transliteratesLatinTextIntoTheBasicSet(String text, String expected) {
        assertThat(SepaText.transliterate(text)).isEqualTo(expected);
        assertThat(SepaText.firstNonBasic(expected)).isEqualTo(-1);
    }

    @Test
    void givesUpOnScriptsWithoutLatinStandIn() {
        assertThat(SepaText.transliterate("Иван Петров")).isNull();
        assertThat(SepaText.transliterate("株式会社")).isNull();
    }
}
