package io.recoup.app.api;

import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import io.recoup.sepa.SepaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds the admin API holds requests to (the README's API table states them), and the checks of one request:
 * each check records what is wrong with its field and returns null, so one refusal names every wrong field.
 */
final class RequestChecks {
    /** The largest amount a promise or an instalment may have: the SEPA and EPC QR ceiling. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    static final int MAX_REASON_LENGTH = 2_000;
    static final Period PROMISE_AT_MOST_AHEAD = Period.ofYears(1);
    static final Period PLAN_AT_MOST_AHEAD = Period.ofYears(3);
    static final int MAX_INSTALMENTS = 36;
    static final Period HOLD_AT_MOST_AHEAD = Period.ofYears(5);
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern FIELD_FIRST = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:\\[\\d+])?(?:\\.[A-Za-z][A-Za-z0-9]*)*): (.+)",
            Pattern.DOTALL);

    private final List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
    private final LocalDate today;

    RequestChecks(LocalDate today) {
        this.today = today;
    }

    /** Records a problem with the field. */
    void refuse(String field, String reason) {
        problems.add(new InvalidRequest.FieldProblem(field, reason));
    }

    /** Refuses the request with every problem recorded so far, if there is one. */
    void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            refuse(field, "is required");
            return null;
        }
        return value;
    }

    /** A required text of at most {@code maxLength} characters. */
    String text(String value, String field, int maxLength) {
        String text = required(value, field);
        if (text != null && text.length() > maxLength) {
            refuse(field, "has " + text.length() + " characters; at most " + maxLength + " are allowed");
            return null;
        }
        return text;
    }

    /** A required positive amount in the item's currency, with no more decimals than the currency has, up to {@link #MAX_AMOUNT}. */
    Money amount(BigDecimal value, Money open, String field) {
        BigDecimal amount = required(value, field);
        if (amount == null) {
            return null;
        }
        // compared before anything else: 1e1000000000 is a short text but a billion digits once scaled
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            refuse(field, "is larger than " + MAX_AMOUNT.toPlainString() + ", the most an amount may be");
            return null;
        }
        if (amount.signum() <= 0) {
            refuse(field, shortened(amount.toString()) + " is not a positive amount");
            return null;
        }
        if (Math.max(amount.stripTrailingZeros().scale(), 0) > open.amount().scale()) {
            refuse(field, shortened(amount.toString()) + " has more decimals than " + open.currencyCode() + " allows ("
                    + open.amount().scale() + ")");
            return null;
        }
        return Money.of(amount, open.currency());
    }

    /** A required date from today to {@code atMostAhead} after today. */
    LocalDate dateAhead(LocalDate value, String field, Period atMostAhead) {
        LocalDate date = required(value, field);
        return date == null ? null : withinAhead(date, field, atMostAhead);
    }

    /** An optional date from today to {@code atMostAhead} after today; null stays null. */
    LocalDate optionalDateAhead(LocalDate value, String field, Period atMostAhead) {
        return value == null ? null : withinAhead(value, field, atMostAhead);
    }

    private LocalDate withinAhead(LocalDate date, String field, Period atMostAhead) {
        if (date.isBefore(today)) {
            refuse(field, date + " has passed (today is " + today + ")");
            return null;
        }
        LocalDate last = today.plus(atMostAhead);
        if (date.isAfter(last)) {
            refuse(field, date + " is more than " + describe(atMostAhead) + " ahead; the latest allowed is " + last);
            return null;
        }
        return date;
    }

    /** A required value of the enum, given in any case with {@code -} for {@code _}. */
    <E extends Enum<E>> E oneOf(Class<E> type, String text, String field) {
        String given = required(text, field);
        if (given == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(given.strip().toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return constant;
            }
        }
        refuse(field, "'" + shortened(given) + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /**
     * What {@code parse} makes of a field's value; a rule of the core or the sepa module that it breaks refuses the
     * request, naming the field. For {@code body} (a rule over several fields) the field is the one the message names
     * first, if it does.
     */
    static <T> T parsed(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SepaException | RecoupException | IllegalArgumentException e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? "is not valid" : e.getMessage();
            throw new InvalidRequest(List.of("body".equals(field) ? fromMessage(field, reason) : new InvalidRequest.FieldProblem(field, reason)));
        }
    }

    /** A problem from a rule's message that names its field first ({@code "iban: ..."}); else about {@code fallbackField}. */
    static InvalidRequest.FieldProblem fromMessage(String fallbackField, String message) {
        String text = message == null || message.isBlank() ? "is not valid" : message;
        Matcher m = FIELD_FIRST.matcher(text);
        return m.matches() ? new InvalidRequest.FieldProblem(m.group(1), m.group(2)) : new InvalidRequest.FieldProblem(fallbackField, text);
    }

    /** A value quoted in a reason, cut to a readable length: a refused 15 MB text is not sent back whole. */
    static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    private static String describe(Period period) {
        return period.getYears() == 1 ? "a year" : period.getYears() + " years";
    }
}
