package io.recoup.store.directdebit;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One presentation of a direct debit with what the stages need beside it: the item (key, number, RF reference) and
 * the customer the pre-notification goes to.
 *
 * @param sequenceType  FRST, RCUR, FNAL or OOFF once it went into a file, else null
 * @param representsId  the presentation this one repeats, or null for the first attempt
 */
public record StoredCollection(long id, long itemId, OpenItemKey itemKey, String itemNumber, String creditorReference,
                               long customerId, String customerName, Optional<String> email, Locale language,
                               long mandateId, Money amount, LocalDate requestedDate, String sequenceType,
                               String endToEndId, int attempt, Long representsId, CollectionStatus status,
                               String reasonCode, String fileName) {
    public StoredCollection {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(requestedDate, "requestedDate");
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(email, "email");
    }
}
