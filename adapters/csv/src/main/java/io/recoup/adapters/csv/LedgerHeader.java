package io.recoup.adapters.csv;

import io.recoup.core.port.FileRefused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header row of a ledger export: which separator the file uses and where each column is. A comma-separated file
 * writes amounts with a '.' decimal point; a semicolon-separated one (the European spreadsheet default) with a ','
 * decimal comma. A header that cannot be trusted (a required column missing, a column named twice) refuses the whole
 * file; a column Recoup does not know is ignored with a warning.
 */
record LedgerHeader(char delimiter, int width, Map<String, Integer> columns, List<String> warnings) {
    static final List<String> REQUIRED = List.of("invoice_id", "invoice_number", "customer_id", "customer_name",
            "issue_date", "due_date", "currency", "amount");
    static final List<String> OPTIONAL = List.of("open_amount", "email", "phone", "language", "time_zone", "segment",
            "customer_iban");

    LedgerHeader {
        columns = Map.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /** Reads the header line (without a byte order mark); {@code line} is its line number in the file. */
    static LedgerHeader parse(String origin, long line, String text) {
        char delimiter = delimiterOf(text);
        List<String> names;
        try {
            names = new CsvLine(delimiter).split(text);
        } catch (CsvLine.Malformed e) {
            throw new FileRefused(origin, line, "the header row cannot be read: " + e.getMessage());
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                warnings.add("column " + (i + 1) + " has no name; its values were ignored");
                continue;
            }
            Integer first = columns.putIfAbsent(name, i);
            if (first != null) {
                throw new FileRefused(origin, line, "column '" + name + "' appears twice in the header (columns "
                        + (first + 1) + " and " + (i + 1) + "); which one holds the value cannot be known");
            }
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                warnings.add("column '" + name + "' is not a Recoup column; its values were ignored");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new FileRefused(origin, line, missingMessage(missing, text));
        }
        return new LedgerHeader(delimiter, names.size(), columns, warnings);
    }

    /** A semicolon file has no decimal point: its amounts are written with a decimal comma. */
    boolean decimalComma() {
        return delimiter == ';';
    }

    /** Semicolons and no comma outside quotes: the European spreadsheet layout. Anything else is read as commas. */
    private static char delimiterOf(String header) {
        boolean quoted = false;
        boolean semicolon = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                return ',';
            } else if (!quoted && c == ';') {
                semicolon = true;
            }
        }
        return semicolon ? ';' : ',';
    }

    private static String missingMessage(List<String> missing, String header) {
        String names = missing.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        String message = (missing.size() == 1 ? "required column " + names + " is" : "required columns " + names + " are")
                + " missing from the header";
        return header.indexOf('\t') >= 0 ? message + " (the header looks tab-separated; Recoup reads ',' or ';')" : message;
    }
}
