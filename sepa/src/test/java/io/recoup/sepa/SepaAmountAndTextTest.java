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

    @Test
    void normalisesDecomposedLettersToNfcBeforeTransliterating() {
        assertThat(SepaText.transliterate("Jose\u0301")).isEqualTo("Jose");
        // NFC first: a decomposed ü is spelled ue like the precomposed one, not stripped to u
        assertThat(SepaText.transliterate("Ju\u0308rgen Mu\u0308ller")).isEqualTo("Juergen Mueller");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no-break space|Rechnung\u00A0Nr.\u202F42|Rechnung Nr. 42",
            "soft hyphen|Schul\u00ADgeld|Schulgeld",
            "zero-width space and byte order mark|\uFEFFAb\u200Bc|Abc",
            "dotless i|Işık Yılmaz|Isik Yilmaz",
            "ligatures|Gra\uFB01k Schi\uFB00|Grafik Schiff",
            "ellipsis|Rate 1 \u2026 3|Rate 1 ... 3",
            "degree sign as ordinal|Via Roma 1\u00B0 piano, N\u00B0 5|Via Roma 1o piano, No 5",
            "section sign|Mahngebuehr \u00A7 288 BGB|Mahngebuehr Par. 288 BGB",
            "ordinal indicator|1\u00BA andar|1o andar"})
    void convertsCommonCharactersOutsideTheSetToStandIns(String kind, String text, String expected) {
        assertThat(SepaText.transliterate(text)).isEqualTo(expected);
        assertThat(SepaText.firstNonBasic(expected)).isEqualTo(-1);
    }

    @Test
    void namesTheFirstCharacterWithoutStandInByCodePoint() {
        int refused = SepaText.firstUnmapped("Ivan Иванов", SepaText::standIn);

        assertThat(refused).isEqualTo(0x0418);
        assertThat(SepaText.describe(refused)).isEqualTo("'И' (U+0418 CYRILLIC CAPITAL LETTER I)");
        assertThat(SepaText.firstUnmapped("Ivan\u00A0Petrov", SepaText::standIn)).isEqualTo(-1);
    }
}
