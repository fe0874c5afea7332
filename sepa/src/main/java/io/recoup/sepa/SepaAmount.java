package io.recoup.sepa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount a SEPA euro payment can carry: 0.01 to 999999999.99 EUR with at most two decimals (EPC130-08 for
 * {@code InstdAmt}, the same range EPC069-12 allows in a QR code). Held at scale 2; more decimals are refused, never
 * rounded, because a rounded collection is a wrong collection.
 */
public record SepaAmount(BigDecimal value) implements Comparable<SepaAmount> {
    private static final BigDecimal MIN = new BigDecimal("0.01");
    private static final BigDecimal MAX = new BigDecimal("999999999.99");

    public SepaAmount {
        Objects.requireNonNull(value, "value");
        if (value.stripTrailingZeros().scale() > 2) {
            throw invalid(value, "it has more than two decimals");
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw invalid(value, "it is outside 0.01 to 999999999.99");
        }
    }

    /** Whether a euro amount fits one SEPA payment: within the range, at most two decimals. */
    public static boolean fits(BigDecimal value) {
        return value != null && value.stripTrailingZeros().scale() <= 2 && value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    /** Reads a plain decimal with '.' ("149.9"); grouping separators and exponents are refused. */
    public static SepaAmount of(String text) {
        if (text == null || !text.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw new SepaException(SepaErrorCode.INVALID_AMOUNT, "Invalid SEPA amount "
                    + (text == null ? "(null)" : "\"" + text + "\"")
                    + ": write 1 to 9 digits, optionally '.' and one or two decimals, no separators");
        }
        return new SepaAmount(new BigDecimal(text));
    }

    /** The amount as ISO 20022 XML writes it: plain, two decimals ({@code 12.30}). */
    public String plain() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(SepaAmount other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return "EUR " + plain();
    }

    private static SepaException invalid(BigDecimal value, String reason) {
        return new SepaException(SepaErrorCode.INVALID_AMOUNT, "Invalid SEPA amount " + value.toPlainString() + ": " + reason);
    }
}
