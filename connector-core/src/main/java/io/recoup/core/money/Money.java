package io.recoup.core.money;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An immutable amount of one ISO 4217 currency, always held at that currency's scale (EUR 2, JPY 0, KWD 3).
 * Creating money from an amount with more decimals than the currency allows is an error rather than a silent
 * rounding; arithmetic between two currencies is an error. The only rounding is in {@link #multiply}, which states
 * it (half-even, the banker's rounding used by the ECB for interest).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RecoupException(ErrorCode.MONEY_SCALE, "amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + scale + ")", e);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return of(parseAmount(amount), currencyOf(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses a plain decimal with '.' as separator ("1234.50"); thousands separators are refused, not guessed. */
    public static BigDecimal parseAmount(String text) {
        if (text == null || !text.strip().matches("-?\\d+(\\.\\d+)?")) {
            throw new RecoupException(ErrorCode.MONEY_FORMAT,
                    "'" + text + "' is not a plain decimal amount (digits with an optional '.' and decimals)");
        }
        return new BigDecimal(text.strip());
    }

    public static Currency currencyOf(String code) {
        Currency known = code == null ? null : CURRENCIES.get(code);
        if (known != null) {
            return known;
        }
        try {
            Currency currency = Currency.getInstance(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
            CURRENCIES.putIfAbsent(code, currency);
            return currency;
        } catch (IllegalArgumentException e) {
            throw new RecoupException(ErrorCode.MONEY_FORMAT, "'" + code + "' is not an ISO 4217 currency code", e);
        }
    }

    // readers turn the same few codes into currencies millions of times
    private static final java.util.Map<String, Currency> CURRENCIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 0 : digits;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Multiplies by an exact factor and rounds half-even back to the currency's scale. */
    public Money multiply(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(scaleOf(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** The same amount with the opposite sign, as a reversal books it. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new RecoupException(ErrorCode.MONEY_CURRENCY_MISMATCH,
                    "cannot combine " + this + " with " + other + ": currencies differ");
        }
    }

    /** "EUR 1234.50": the plain amount, no grouping, so it reads the same in logs and files. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
