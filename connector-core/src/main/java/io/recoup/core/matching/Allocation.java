package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.Objects;

/**
 * Money of one receipt put on one open item, with the rule that allowed it and the evidence it saw (reference, number,
 * amount, payer), so a person can tell why for every cent.
 */
public record Allocation(long itemId, String number, Money amount, String rule, String evidence) {
    public Allocation {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evidence, "evidence");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an allocation is a positive amount, not " + amount);
        }
    }
}
