package io.recoup.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"pay\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1", "\r=1"})
    void prefixesACellASpreadsheetWouldRunAsAFormula(String hostile) {
        assertThat(SpreadsheetSafe.cell(hostile)).isEqualTo("'" + hostile);
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() {
        assertThat(SpreadsheetSafe.cell("INV-2026-1001")).isEqualTo("INV-2026-1001");
        assertThat(SpreadsheetSafe.cell("Nordwind Logistik GmbH")).isEqualTo("Nordwind Logistik GmbH");
        assertThat(SpreadsheetSafe.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.cell(null)).isNull();
    }
}
