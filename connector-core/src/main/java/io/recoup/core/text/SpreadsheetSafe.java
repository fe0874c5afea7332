package io.recoup.core.text;

/**
 * Neutralises spreadsheet formula injection in the CSV files Recoup writes for people to open (plan.csv,
 * payments-*.csv): a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * would be read as a formula by Excel, LibreOffice or Google Sheets, so it gets a leading {@code '} as the OWASP
 * "CSV Injection" guidance recommends. The CSV writer still quotes the cell as CSV needs; the value is otherwise kept.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    /** {@code value} as a cell no spreadsheet runs as a formula; null stays null (an empty cell). */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return startsAFormula(value.charAt(0)) ? "'" + value : value;
    }

    /** Whether a spreadsheet would take a cell starting with {@code first} for a formula (or a DDE call). */
    public static boolean startsAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
