package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.time.LocalDate;

/**
 * The customer's promise to pay {@code amount} by {@code promisedFor}. It is kept once the open amount has dropped by
 * the promised amount since the promise ({@code openWhenPromised}), that is, once reconciled cash has arrived.
 */
public record PromiseToPay(LocalDate promisedFor, Money amount, Money openWhenPromised) {
    public boolean keptGiven(Money openNow) {
        return openWhenPromised.minus(openNow).compareTo(amount) >= 0;
    }
}
