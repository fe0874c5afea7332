package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One open item as the dunning engine sees it: due date, what is still open, the steps already taken for it, and what
 * may pause or steer it (holds, a promise to pay, a payment plan, manual overrides). A view of its own, not
 * {@link io.recoup.core.ledger.OpenItem}, because the engine decides on Recoup's history of the item (steps, pauses),
 * which the source ledger does not know, and needs none of the ledger's fields it does not decide on.
 */
public record DunningItem(long itemId, String number, LocalDate dueDate, Money open, Set<String> stepsDone, List<Hold> holds,
                          Optional<PromiseToPay> promise, Optional<PaymentPlan> plan, List<ManualOverride> overrides) {
    public DunningItem {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(open, "open");
        stepsDone = Set.copyOf(stepsDone);
        holds = List.copyOf(holds);
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(plan, "plan");
        overrides = List.copyOf(overrides);
    }

    public static DunningItem of(long itemId, String number, LocalDate dueDate, Money open) {
        return new DunningItem(itemId, number, dueDate, open, Set.of(), List.of(), Optional.empty(), Optional.empty(), List.of());
    }
}
