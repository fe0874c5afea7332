package io.recoup.core.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The collection ranking: an explainable score from payment history. Each factor adds capped points and names
 * itself, so a finance team can see why a customer ranks where it does: lateness up to 40, broken promises up to 25,
 * overdue exposure up to 20, bounces up to 15.
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
        int exposure = exposurePoints(b.openOverdue());
        if (exposure > 0) {
            reasons.add("+" + exposure + " has " + b.openOverdue().setScale(0, RoundingMode.HALF_UP) + " open and overdue");
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
