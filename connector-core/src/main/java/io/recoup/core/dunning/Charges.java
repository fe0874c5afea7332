package io.recoup.core.dunning;

import io.recoup.core.money.Money;

/** Late-payment charges on one item: statutory interest so far and the fixed compensation, with how they were computed. */
public record Charges(Money interest, Money fixedCompensation, String basis) {
    public Money total() {
        return interest.plus(fixedCompensation);
    }
}
