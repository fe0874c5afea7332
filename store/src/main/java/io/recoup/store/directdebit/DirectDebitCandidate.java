package io.recoup.store.directdebit;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An open item that may be collected by direct debit now: its customer has a usable mandate and nothing holds it. The
 * direct-debit view of {@code OpenItem}, carrying the mandate it would be collected under.
 */
public record DirectDebitCandidate(long itemId, String itemNumber, long customerId, long mandateId, Money open,
                                   LocalDate dueDate) {
    public DirectDebitCandidate {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
