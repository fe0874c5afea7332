package io.recoup.store.directdebit;

import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open item that may be collected by direct debit: its customer has a usable mandate and an e-mail address. The
 * direct-debit view of {@code OpenItem}, carrying the mandate it would be collected under and what may pause it.
 */
public record DirectDebitCandidate(long itemId, String itemNumber, long customerId, long mandateId, Money open,
                                   LocalDate dueDate, List<Hold> itemHolds, List<Hold> customerHolds,
                                   Optional<PromiseToPay> promise, boolean planAgreed) {
    public DirectDebitCandidate {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(dueDate, "dueDate");
        itemHolds = List.copyOf(itemHolds);
        customerHolds = List.copyOf(customerHolds);
        Objects.requireNonNull(promise, "promise");
    }

    /** The same item with what may pause it. */
    DirectDebitCandidate with(List<Hold> itemHolds, List<Hold> customerHolds, Optional<PromiseToPay> promise, boolean planAgreed) {
        return new DirectDebitCandidate(itemId, itemNumber, customerId, mandateId, open, dueDate, itemHolds, customerHolds,
                promise, planAgreed);
    }
}
