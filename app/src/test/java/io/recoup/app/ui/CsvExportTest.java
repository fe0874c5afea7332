package io.recoup.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void quotesCellsWithCommasQuotesOrLineBreaks() {
        assertThat(CsvExport.escaped("plain")).isEqualTo("plain");
        assertThat(CsvExport.escaped("Order 5531, thank you")).isEqualTo("\"Order 5531, thank you\"");
        assertThat(CsvExport.escaped("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(CsvExport.escaped("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void keepsAPayersTextFromRunningAsASpreadsheetFormulaButLeavesNegativeAmountsAlone() {
        assertThat(CsvExport.escaped("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvExport.escaped("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.escaped("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(CsvExport.escaped("-75.00")).isEqualTo("-75.00");
    }
}
