package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The collection ranking: an explainable score from payment history. Each factor adds capped points and names
 * itself, so a finance team can see why a customer ranks where it does: lateness up to 40, broken promises up to 25,
 * overdue exposure up to 20, bounces up to 15. The exposure thresholds are whole units (1,000, 10,000, 50,000) and
 * there is no exchange rate in the core, so amounts in different currencies are never added: each currency's overdue
 * sum is held against the thresholds on its own and the largest one scores (EUR 600 and USD 600 score as 600, not as
 * 1,200 of anything).
 */
public final class RiskScorer {

    public RiskScore score(PaymentBehaviour b) {
        List<String> reasons = new ArrayList<>();
        int total = 0;
        int lateness = Math.min(40, b.averageDaysLate().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(2))
                .setScale(0, RoundingMode.HALF_UP).intValue());
        if (lateness > 0) {
            reasons.add("+" + lateness + " pays " + b.averageDaysLate().setScale(1, RoundingMode.HALF_UP) + " days late on average");
            total += lateness;
        }
        int promises = Math.min(25, b.brokenPromises() * 10);
        if (promises > 0) {
            reasons.add("+" + promises + " broke " + b.brokenPromises() + " promise(s) to pay");
            total += promises;
        }
        int exposure = b.openOverdue().values().stream().mapToInt(m -> exposurePoints(m.amount())).max().orElse(0);
        if (exposure > 0) {
            reasons.add("+" + exposure + " has " + exposure(b.openOverdue().values()) + " open and overdue");
            total += exposure;
        }
        int bounces = Math.min(15, b.bounces() * 5);
        if (bounces > 0) {
            reasons.add("+" + bounces + " " + b.bounces() + " message(s) bounced");
            total += bounces;
        }
        if (reasons.isEmpty()) {
            reasons.add(b.invoicesPaid() == 0 ? "no payment history" : "pays on time");
        }
        return new RiskScore(Math.min(100, total), reasons);
    }

    /** "2000" when one currency is overdue (as it always read), "EUR 600 + USD 600" when several are. */
    private static String exposure(Collection<Money> overdue) {
        if (overdue.size() == 1) {
            return wholeUnits(overdue.iterator().next());
        }
        return overdue.stream().map(m -> m.currencyCode() + " " + wholeUnits(m)).collect(Collectors.joining(" + "));
    }

    private static String wholeUnits(Money money) {
        return money.amount().setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static int exposurePoints(BigDecimal overdue) {
        if (overdue.compareTo(BigDecimal.valueOf(50_000)) >= 0) {
            return 20;
        }
        if (overdue.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return 15;
        }
        if (overdue.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return 10;
        }
        return overdue.signum() > 0 ? 5 : 0;
    }
}
