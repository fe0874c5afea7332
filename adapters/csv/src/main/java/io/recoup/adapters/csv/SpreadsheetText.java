package io.recoup.adapters.csv;

/**
 * Text written into a CSV file that a person may open in a spreadsheet. A cell that starts with '=', '+', '-', '@', a
 * tab or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets, so an invoice number or a
 * payment reference chosen by an outsider could run one (CSV injection). As OWASP recommends, such a value gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** The value as a spreadsheet will show it but never evaluate it; null stays null. */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
