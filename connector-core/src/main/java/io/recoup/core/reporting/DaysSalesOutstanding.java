package io.recoup.core.reporting;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Days sales outstanding by the simple (standard) method over a period: what is open now divided by the credit sales
 * of the last {@code days} days, times {@code days}, to one decimal (half up); and by the countback method, which takes
 * the open amount back against the sales of each period, newest first, and counts the days it takes to use it up. One
 * currency at a time: DSO of amounts in different currencies is not a number. Empty when there were no sales at all.
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

    /** The credit sales of one period (a month, or the part of this month so far) and how many days it has. */
    public record Period(Money sales, int days) {
        public Period {
            if (sales == null || days < 1) {
                throw new IllegalArgumentException("a period has sales and at least one day, not " + days);
            }
        }
    }

    /**
     * Countback DSO: the whole days of every period whose sales the open amount still covers, newest first, plus the
     * share of the first period it covers only in part. When the open amount is more than all the periods' sales, the
     * answer is every period's days: at least that many, the periods given say no more.
     */
    public static Optional<BigDecimal> countback(Money openNow, List<Period> newestFirst) {
        if (newestFirst.stream().noneMatch(p -> p.sales().isPositive())) {
            return Optional.empty();
        }
        BigDecimal left = openNow.amount();
        BigDecimal days = BigDecimal.ZERO;
        for (Period period : newestFirst) {
            if (!period.sales().sameCurrencyAs(openNow)) {
                throw new IllegalArgumentException("sales in " + period.sales().currencyCode() + " do not count back "
                        + openNow.currencyCode() + " open");
            }
            BigDecimal sales = period.sales().amount();
            if (left.signum() <= 0) {
                break;
            }
            if (left.compareTo(sales) >= 0) {
                left = left.subtract(sales);
                days = days.add(BigDecimal.valueOf(period.days()));
            } else {
                days = days.add(left.multiply(BigDecimal.valueOf(period.days())).divide(sales, 10, RoundingMode.HALF_UP));
                left = BigDecimal.ZERO;
            }
        }
        return Optional.of(days.setScale(1, RoundingMode.HALF_UP));
    }
}
