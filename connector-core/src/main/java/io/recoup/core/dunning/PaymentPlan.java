package io.recoup.core.dunning;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An agreed payment plan: instalments with their own due dates. Instalments are paid in order from whatever the open
 * amount has dropped by since the plan was agreed.
 */
public record PaymentPlan(List<Instalment> instalments, Money openWhenAgreed) {
    public PaymentPlan {
        instalments = List.copyOf(instalments);
    }

    /**
     * The plan a customer and a person agreed for an item with {@code open} outstanding: at least one instalment, each
     * a positive amount in the item's currency, adding up to exactly what is open; errors name the instalment.
     */
    public static PaymentPlan agree(List<Instalment> instalments, Money open) {
        if (instalments.isEmpty()) {
            throw invalid("instalments: at least one is needed");
        }
        Money total = Money.zero(open.currency());
        for (int i = 0; i < instalments.size(); i++) {
            Money amount = instalments.get(i).amount();
            if (!amount.sameCurrencyAs(open) || !amount.isPositive()) {
                throw invalid("instalments[" + i + "].amount: " + amount + " is not a positive amount in " + open.currencyCode());
            }
            total = total.plus(amount);
        }
        if (total.compareTo(open) != 0) {
            throw invalid("instalments add up to " + total + " but " + open + " is open");
        }
        return new PaymentPlan(instalments, open);
    }

    private static RecoupException invalid(String message) {
        return new RecoupException(ErrorCode.INVALID_PAYMENT_PLAN, message);
    }

    /** One instalment of a plan. */
    public record Instalment(LocalDate due, Money amount) {}

    /** The first instalment not yet covered by payments, with its 1-based number, if any. */
    public Optional<Numbered> firstUnpaid(Money openNow) {
        Money paid = openWhenAgreed.minus(openNow);
        Money cumulative = Money.zero(openNow.currency());
        for (int i = 0; i < instalments.size(); i++) {
            cumulative = cumulative.plus(instalments.get(i).amount());
            if (paid.compareTo(cumulative) < 0) {
                return Optional.of(new Numbered(i + 1, instalments.get(i)));
            }
        }
        return Optional.empty();
    }

    /** An instalment with its number in the plan. */
    public record Numbered(int number, Instalment instalment) {}
}
