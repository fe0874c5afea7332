package io.recoup.core.policy;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Late-payment charges under the EU Late Payment Directive 2011/7/EU (DOMAIN.md section 10.4): simple interest at the
 * reference rate in force for each half-year plus a margin, and a fixed compensation per invoice (at least EUR 40).
 * Reference rates are listed with the date from which each applies (1 January and 1 July).
 */
public record LateCharges(Optional<BigDecimal> marginPercentagePoints, List<ReferenceRate> referenceRates,
                          Map<String, Money> fixedCompensation) {
    public LateCharges {
        referenceRates = referenceRates.stream().sorted(Comparator.comparing(ReferenceRate::from)).toList();
        fixedCompensation = Map.copyOf(fixedCompensation);
    }

    /** A reference rate in percent, in force from {@code from} until the next one. */
    public record ReferenceRate(LocalDate from, BigDecimal percent) {}

    /** The reference rate in force on {@code day}: the one set on the 1 January or 1 July before it. */
    public Optional<BigDecimal> referenceRateOn(LocalDate day) {
        LocalDate halfYearStart = day.getMonthValue() <= 6 ? day.withDayOfYear(1) : LocalDate.of(day.getYear(), 7, 1);
        BigDecimal found = null;
        for (ReferenceRate rate : referenceRates) {
            if (!rate.from().isAfter(halfYearStart)) {
                found = rate.percent();
            }
        }
        return Optional.ofNullable(found);
    }
}
