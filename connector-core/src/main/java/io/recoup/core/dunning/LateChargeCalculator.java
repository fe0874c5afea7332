package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import io.recoup.core.policy.LateCharges;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statutory late-payment interest and fixed compensation (Directive 2011/7/EU, DOMAIN.md section 10.4): simple
 * interest on the open amount from the day after the due date, at the reference rate in force for each half-year plus
 * the margin, actual days over 365, split at 1 January and 1 July; summed exactly and rounded once, half-even, to the
 * currency's scale.
 */
public final class LateChargeCalculator {
    private static final BigDecimal PERCENT_DAYS_PER_YEAR = BigDecimal.valueOf(100 * 365);
    private static final int MAX_BASES = 10_000;

    private final LateCharges rules;
    // the words for each reference rate ("10.15% (2.15% + 8 pp)") and each fixed compensation, put together once
    private final Map<BigDecimal, RateText> rates = new HashMap<>();
    private final Map<String, String> compensationText = new HashMap<>();
    // the basis depends on the dates and the currency only: a planning run shares it across the items due on a day
    private final Map<BasisKey, Basis> bases = new ConcurrentHashMap<>();

    public LateChargeCalculator(LateCharges rules) {
        this.rules = rules;
        rules.marginPercentagePoints().ifPresent(margin -> rules.referenceRates().forEach(r -> {
            BigDecimal rate = r.percent().add(margin);
            rates.put(r.percent(), new RateText(rate, " day(s) at " + plain(rate) + "% (" + plain(r.percent()) + "% + " + plain(margin)
                    + " pp) from "));
        }));
        rules.fixedCompensation().forEach((currency, amount) -> {
            if (amount.isPositive()) {
                compensationText.put(currency, "fixed compensation " + amount);
            }
        });
    }

    /** Charges on {@code open} overdue since {@code dueDate}, as of {@code today}; empty when not overdue. */
    public Optional<Charges> charges(Money open, LocalDate dueDate, LocalDate today) {
        if (!today.isAfter(dueDate) || !open.isPositive()) {
            return Optional.empty();
        }
        Basis basis = bases.get(new BasisKey(dueDate, today, open.currencyCode()));
        if (basis == null) {
            if (bases.size() > MAX_BASES) {
                bases.clear(); // a long-running planner moves on to new days; the old ones are not asked for again
            }
            basis = basis(dueDate, today, open.currencyCode());
            bases.put(new BasisKey(dueDate, today, open.currencyCode()), basis);
        }
        BigDecimal interest = open.amount().multiply(basis.percentDays())
                .divide(PERCENT_DAYS_PER_YEAR, open.amount().scale(), RoundingMode.HALF_EVEN);
        Money fixed = Optional.ofNullable(rules.fixedCompensation().get(open.currencyCode())).orElse(Money.zero(open.currency()));
        return Optional.of(new Charges(Money.of(interest, open.currency()), fixed, basis.text()));
    }

    /**
     * What the charges on any amount due on {@code dueDate} rest on, as of {@code today}: the rate (in percent) times
     * the days it applied, summed over the half-years (the interest divides it once, at the end), and the words.
     */
    private Basis basis(LocalDate dueDate, LocalDate today, String currency) {
        BigDecimal percentDays = BigDecimal.ZERO;
        StringBuilder text = new StringBuilder(100);
        if (rules.marginPercentagePoints().isPresent()) {
            LocalDate from = dueDate.plusDays(1);
            while (!from.isAfter(today)) {
                LocalDate halfYearEnd = from.getMonthValue() <= 6 ? LocalDate.of(from.getYear(), 6, 30) : LocalDate.of(from.getYear(), 12, 31);
                LocalDate to = today.isBefore(halfYearEnd) ? today : halfYearEnd;
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                Optional<BigDecimal> reference = rules.referenceRateOn(from);
                separate(text);
                if (reference.isEmpty()) {
                    text.append("no reference rate for ").append(from).append(": no interest for ").append(days).append(" day(s)");
                } else {
                    RateText rate = rates.get(reference.get());
                    percentDays = percentDays.add(rate.percent().multiply(BigDecimal.valueOf(days)));
                    text.append(days).append(rate.text()).append(from);
                }
                from = to.plusDays(1);
            }
        }
        if (compensationText.containsKey(currency)) {
            separate(text).append(compensationText.get(currency));
        }
        return new Basis(percentDays, text.toString());
    }

    private static StringBuilder separate(StringBuilder basis) {
        return basis.isEmpty() ? basis : basis.append("; ");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private record BasisKey(LocalDate dueDate, LocalDate today, String currency) {}

    private record Basis(BigDecimal percentDays, String text) {}

    /** A reference rate plus the margin, and how the basis names it. */
    private record RateText(BigDecimal percent, String text) {}
}
