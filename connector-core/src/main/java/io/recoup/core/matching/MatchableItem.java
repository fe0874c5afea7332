package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An open item as the matcher sees it: what a payment can be allocated to (its id, invoice number, RF creditor
 * reference, its customer and what is still open). A view of its own, not {@link io.recoup.core.ledger.OpenItem},
 * because what is open for matching is Recoup's amount (less allocations not yet posted back), not the ledger's.
 *
 * @param customer     the customer's key in its source ({@code source:id}), which payer evidence is checked against
 * @param customerName as the ledger writes it; payer names on statements are compared with it
 */
public record MatchableItem(long itemId, String number, String creditorReference, String customer, String customerName,
                            LocalDate dueDate, Money open) {
    public MatchableItem {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(open, "open");
        customerName = customerName == null ? "" : customerName;
    }

    /** The same item with another amount open. */
    public MatchableItem withOpen(Money nowOpen) {
        return new MatchableItem(itemId, number, creditorReference, customer, customerName, dueDate, nowOpen);
    }
}
