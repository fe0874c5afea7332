package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import io.recoup.core.policy.LateCharges;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statutory late-payment interest and fixed compensation (Directive 2011/7/EU, DOMAIN.md section 10.4): simple
 * interest on the open amount from the day after the due date, at the reference rate in force for each half-year plus
 * the margin, actual days over 365, split at 1 January and 1 July; rounded once, half-even, to the currency's scale.
 */
public final class LateChargeCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final LateCharges rules;

    public LateChargeCalculator(LateCharges rules) {
        this.rules = rules;
    }

    /** Charges on {@code open} overdue since {@code dueDate}, as of {@code today}; empty when not overdue. */
    public Optional<Charges> charges(Money open, LocalDate dueDate, LocalDate today) {
        if (!today.isAfter(dueDate) || !open.isPositive()) {
            return Optional.empty();
        }
        BigDecimal interest = BigDecimal.ZERO;
        List<String> basis = new ArrayList<>();
        if (rules.marginPercentagePoints().isPresent()) {
            LocalDate from = dueDate.plusDays(1);
            while (!from.isAfter(today)) {
                LocalDate halfYearEnd = from.getMonthValue() <= 6 ? LocalDate.of(from.getYear(), 6, 30) : LocalDate.of(from.getYear(), 12, 31);
                LocalDate to = today.isBefore(halfYearEnd) ? today : halfYearEnd;
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                Optional<BigDecimal> reference = rules.referenceRateOn(from);
                if (reference.isEmpty()) {
                    basis.add("no reference rate for " + from + ": no interest for " + days + " day(s)");
                } else {
                    BigDecimal rate = reference.get().add(rules.marginPercentagePoints().get());
                    interest = interest.add(open.amount().multiply(rate).multiply(BigDecimal.valueOf(days))
                            .divide(HUNDRED.multiply(DAYS_PER_YEAR), MathContext.DECIMAL128));
                    basis.add(days + " day(s) at " + rate.stripTrailingZeros().toPlainString() + "% ("
                            + reference.get().stripTrailingZeros().toPlainString() + "% + "
                            + rules.marginPercentagePoints().get().stripTrailingZeros().toPlainString() + " pp) from " + from);
                }
                from = to.plusDays(1);
            }
        }
        Money fixed = Optional.ofNullable(rules.fixedCompensation().get(open.currencyCode())).orElse(Money.zero(open.currency()));
        if (fixed.isPositive()) {
            basis.add("fixed compensation " + fixed);
        }
        return Optional.of(new Charges(roundedInterest(interest, open), fixed, String.join("; ", basis)));
    }

    private static Money roundedInterest(BigDecimal interest, Money open) {
        return Money.of(interest.setScale(open.amount().scale(), java.math.RoundingMode.HALF_EVEN), open.currency());
    }
}
