package io.recoup.core.dunning;

import java.util.List;

/** A customer's collection risk, 0 (pays on time) to 100, with the reasons that make it up, each with its points. */
public record RiskScore(int value, List<String> reasons) {
    public RiskScore {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("risk score " + value + " is outside 0..100");
        }
        reasons = List.copyOf(reasons);
    }

    public static RiskScore unknown() {
        return new RiskScore(0, List.of("no payment history"));
    }
}
