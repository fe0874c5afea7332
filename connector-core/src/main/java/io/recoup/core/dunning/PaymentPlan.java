package io.recoup.core.dunning;

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
