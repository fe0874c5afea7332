package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Turns element text into typed values, or records a problem at the current element and returns null. Every parse
 * failure the JDK can throw for these types is caught here, narrowly, so no builder ever sees one.
 */
final class FieldValues {
    /** xs:decimal without sign: ISO 20022 amounts are never negative. BigDecimal alone would also take "1E3". */
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final int MAX_AMOUNT_DIGITS = 30;

    private final Problems problems;

    FieldValues(Problems problems) {
        this.problems = problems;
    }

    /** Trimmed text, or null when the element is empty: an empty reference is no reference. */
    static String text(String raw) {
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    BigDecimal amount(String raw) {
        String text = raw.strip();
        // ISO 20022 amounts have at most 18 digits; the bound keeps a hostile megabyte of digits out of BigDecimal.
        if (!AMOUNT.matcher(text).matches() || text.length() > MAX_AMOUNT_DIGITS) {
            problems.here("\"" + shorten(text) + "\" is not a decimal amount (digits, optional '.' and decimals)");
            return null;
        }
        return new BigDecimal(text);
    }

    /** The {@code Ccy} attribute of an amount, or null with a problem when missing or not three capital letters. */
    String currency(String ccy) {
        if (ccy == null) {
            problems.here("the Ccy attribute is missing");
            return null;
        }
        if (!CURRENCY.matcher(ccy).matches()) {
            problems.here("Ccy \"" + shorten(ccy) + "\" is not an ISO 4217 currency code");
            return null;
        }
        return ccy;
    }

    CreditDebit direction(String raw) {
        CreditDebit direction = CreditDebit.fromCode(raw.strip());
        if (direction == null) {
            problems.here("\"" + shorten(raw.strip()) + "\" is neither CRDT nor DBIT");
        }
        return direction;
    }

    /** An ISODate; a trailing offset, which xs:date allows, is ignored. */
    LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip(), DateTimeFormatter.ISO_DATE);
        } catch (DateTimeException e) {
            problems.here("\"" + shorten(raw.strip()) + "\" is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** The date part of an ISODateTime as the bank wrote it, without shifting it by its offset. */
    LocalDate dateOfDateTime(String raw) {
        CamtDateTime dateTime = dateTime(raw);
        return dateTime == null ? null : dateTime.local().toLocalDate();
    }

    CamtDateTime dateTime(String raw) {
        try {
            return CamtDateTime.parse(raw.strip());
        } catch (DateTimeException e) {
            problems.here("\"" + shorten(raw.strip()) + "\" is not a date and time (YYYY-MM-DDThh:mm:ss)");
            return null;
        }
    }

    /** xs:boolean: true, false, 1 or 0. */
    Boolean bool(String raw) {
        return switch (raw.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> {
                problems.here("\"" + shorten(raw.strip()) + "\" is not a boolean (true or false)");
                yield null;
            }
        };
    }

    /** A non-negative whole number such as a sequence number or a transaction count. */
    Long count(String raw) {
        String text = raw.strip();
        if (!COUNT.matcher(text).matches()) {
            problems.here("\"" + shorten(text) + "\" is not a whole number");
            return null;
        }
        return Long.parseLong(text);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
