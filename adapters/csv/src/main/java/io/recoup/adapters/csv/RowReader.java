package io.recoup.adapters.csv;

import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.sepa.Iban;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Reads the fields of one row, recording a rejection for each bad one instead of stopping at the first. */
final class RowReader {
    private final String origin;
    private final long line;
    private final String raw;
    private final List<String> values;
    private final LedgerHeader header;
    private final List<Rejection> rejections = new ArrayList<>();

    RowReader(String origin, long line, String raw, List<String> values, LedgerHeader header) {
        this.origin = origin;
        this.line = line;
        this.raw = raw;
        this.values = values;
        this.header = header;
    }

    /** The value of the column, or null when the header has no such column. */
    String value(String column) {
        Integer index = header.columns().get(column);
        return index == null ? null : values.get(index);
    }

    /** The value, or null when the column is absent or empty. */
    String optional(String column) {
        String value = value(column);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String column) {
        String value = optional(column);
        if (value == null) {
            reject(column, "required value is empty");
        }
        return value;
    }

    LocalDate date(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            reject(column, "'" + value + "' is not a date (expected YYYY-MM-DD)");
            return null;
        }
    }

    Currency currency(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            return Money.currencyOf(value);
        } catch (RecoupException e) {
            reject(column, e.getMessage());
            return null;
        }
    }

    Money money(String column, String value, Currency currency) {
        if (value == null || currency == null) {
            return null;
        }
        String plain = header.decimalComma() ? pointFromComma(column, value) : value;
        if (plain == null) {
            return null;
        }
        try {
            return Money.of(Money.parseAmount(plain), currency);
        } catch (RecoupException e) {
            reject(column, e.getMessage());
            return null;
        }
    }

    /** Several IBANs separated by {@code ;}, each checked (ISO 13616); none when the column is empty or absent. */
    List<String> ibans(String column) {
        String value = optional(column);
        List<String> ibans = new ArrayList<>();
        if (value == null) {
            return ibans;
        }
        for (String written : value.split(";")) {
            if (written.isBlank()) {
                continue;
            }
            if (Iban.isValid(written)) {
                ibans.add(Iban.parse(written).value());
            } else {
                reject(column, "'" + written.strip() + "' is not a valid IBAN");
            }
        }
        return ibans;
    }

    ZoneId zone(String column, ZoneId fallback) {
        String value = optional(column);
        if (value == null) {
            return fallback;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            reject(column, "'" + value + "' is not a time zone (expected e.g. Europe/Berlin)");
            return fallback;
        }
    }

    void reject(String column, String reason) {
        rejections.add(new Rejection(origin, line, column, reason, raw));
    }

    boolean failed() {
        return !rejections.isEmpty();
    }

    List<Rejection> rejections() {
        return rejections;
    }

    /**
     * In a semicolon file '1.234' could be a thousand or one and a bit: it is refused rather than guessed, and only
     * digits with one decimal comma are read. Null after recording why the value was refused.
     */
    private String pointFromComma(String column, String value) {
        if (value.matches("-?\\d+(,\\d+)?")) {
            return value.replace(',', '.');
        }
        reject(column, value.indexOf('.') >= 0
                ? "'" + value + "' has a '.', which in a semicolon-separated file could be a thousands separator or a"
                        + " decimal point; write amounts with a decimal comma and no thousands separator (e.g. 1234,56)"
                : "'" + value + "' is not a plain decimal amount (digits with an optional ',' and decimals, as in every"
                        + " semicolon-separated file)");
        return null;
    }
}
