package io.recoup.core.ledger;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One receivable as read from the source ledger: an invoice (or credit note) with its original and open amount.
 * The invariants that make an item collectable are checked here, so an adapter that builds a bad one fails with the
 * field named.
 *
 * <p>This is the open item. Each later stage reads a view of it named for that stage, with what only that stage
 * needs: {@link io.recoup.core.dunning.DunningItem} (what the dunning engine decides on),
 * {@link io.recoup.core.matching.MatchableItem} (what a payment can be allocated to), and in the store the item's row
 * with Recoup's own open amount and status ({@code StoredItem}), an item on a notice with its action
 * ({@code DueNotice.Line}) and an item that may be collected by direct debit now ({@code DirectDebitCandidate}).
 */
public record OpenItem(OpenItemKey key, CustomerKey customer, String number, LocalDate issueDate, LocalDate dueDate,
                       Money originalAmount, Money openAmount) {
    public OpenItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customer, "customer");
        number = OpenItemKey.requireText(number, "invoice number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(originalAmount, "originalAmount");
        Objects.requireNonNull(openAmount, "openAmount");
        if (!originalAmount.sameCurrencyAs(openAmount)) {
            throw invalid(key, "open_amount", "currency " + openAmount.currencyCode() + " differs from amount currency "
                    + originalAmount.currencyCode());
        }
        if (dueDate.isBefore(issueDate)) {
            throw invalid(key, "due_date", "due date " + dueDate + " is before issue date " + issueDate);
        }
        if (openAmount.isNegative()) {
            throw invalid(key, "open_amount", "open amount " + openAmount + " is negative");
        }
        if (originalAmount.isPositive() && openAmount.compareTo(originalAmount) > 0) {
            throw invalid(key, "open_amount", "open amount " + openAmount + " exceeds the invoice amount " + originalAmount);
        }
    }

    private static RecoupException invalid(OpenItemKey key, String field, String reason) {
        return new RecoupException(ErrorCode.INVALID_OPEN_ITEM, "item " + key + ", field " + field + ": " + reason);
    }
}
