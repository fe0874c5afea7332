package io.recoup.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"pay\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void prefixesAnApostropheToTextASpreadsheetWouldEvaluate(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INV-2026-1001", "RF18539007547034", "'=already neutralised", "a=b", " =leading space"})
    void leavesOtherTextAsItIs(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo(value);
    }

    @Test
    void leavesEmptyTextEmpty() {
        assertThat(SpreadsheetText.neutralised("")).isEmpty();
        assertThat(SpreadsheetText.neutralised(null)).isNull();
    }
}
