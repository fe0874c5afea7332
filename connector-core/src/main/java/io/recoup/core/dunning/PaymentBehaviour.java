package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer's payment history in the figures the risk score uses: invoices paid, average days paid late, promises
 * broken, how much is open and overdue and bounced messages. The overdue exposure is one sum per currency, never one
 * figure across currencies; it is kept in currency-code order so the score's explanation reads the same every run.
 */
public record PaymentBehaviour(int invoicesPaid, BigDecimal averageDaysLate, int brokenPromises, Map<Currency, Money> openOverdue,
                               int bounces) {
    public PaymentBehaviour {
        Objects.requireNonNull(averageDaysLate, "averageDaysLate");
        openOverdue.forEach((currency, amount) -> {
            if (!amount.currency().equals(currency)) {
                throw new IllegalArgumentException("overdue exposure " + amount + " is filed under " + currency.getCurrencyCode());
            }
        });
        // one currency (nearly every customer) needs no ordering
        openOverdue = openOverdue.size() <= 1 ? Map.copyOf(openOverdue) : sorted(openOverdue);
    }

    private static Map<Currency, Money> sorted(Map<Currency, Money> overdue) {
        Map<Currency, Money> sorted = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        sorted.putAll(overdue);
        return Collections.unmodifiableMap(sorted);
    }
}
