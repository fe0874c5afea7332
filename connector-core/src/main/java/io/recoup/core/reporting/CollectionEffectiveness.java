package io.recoup.core.reporting;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The collection effectiveness index of one period, in percent to one decimal (half up): of what could have been
 * collected (receivables at the start plus the period's credit sales, less what is still current at its end), the
 * share that was. (beginning + credit sales - ending total) / (beginning + credit sales - ending current) x 100. One
 * currency at a time; empty when nothing could have been collected (the denominator is zero or less).
 */
public final class CollectionEffectiveness {
    private CollectionEffectiveness() {
    }

    public static Optional<BigDecimal> index(Money beginning, Money creditSales, Money endingTotal, Money endingCurrent) {
        Money available = beginning.plus(creditSales);
        Money collectible = available.minus(endingCurrent);
        if (!collectible.isPositive()) {
            return Optional.empty();
        }
        Money collected = available.minus(endingTotal);
        return Optional.of(collected.amount().multiply(BigDecimal.valueOf(100)).divide(collectible.amount(), 1, RoundingMode.HALF_UP));
    }
}
