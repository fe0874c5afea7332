package io.recoup.core.reporting;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Days sales outstanding by the simple (standard) method over a period: what is open now divided by the credit sales
 * of the last {@code days} days, times {@code days}, to one decimal (half up). One currency at a time: DSO of amounts
 * in different currencies is not a number. Empty when there were no sales in the period.
 */
public final class DaysSalesOutstanding {
    private DaysSalesOutstanding() {
    }

    public static Optional<BigDecimal> standard(Money openNow, Money salesInPeriod, int days) {
        if (!salesInPeriod.isPositive()) {
            return Optional.empty();
        }
        BigDecimal ratio = openNow.amount().multiply(BigDecimal.valueOf(days));
        return Optional.of(ratio.divide(salesInPeriod.amount(), 1, RoundingMode.HALF_UP));
    }
}
