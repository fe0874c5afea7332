package io.recoup.core.ledger;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;

/**
 * What is still open on an item from Recoup's point of view, and when it is paid: the one place these rules live. The
 * source ledger reports its own open amount; Recoup subtracts what it allocated and has not posted back yet (the
 * ledger does not know that money yet), never going below zero. An item is PAID when nothing is open.
 */
public final class OpenAmounts {
    private OpenAmounts() {
    }

    /** Recoup's open amount when the ledger reports {@code ledgerOpen} and {@code notPostedYet} is allocated but pending. */
    public static Money recoupOpen(Money ledgerOpen, Money notPostedYet) {
        Money open = ledgerOpen.minus(notPostedYet);
        return open.isNegative() ? Money.zero(ledgerOpen.currency()) : open;
    }

    /** OPEN while anything is owed, PAID at zero. */
    public static ItemStatus statusOf(Money open) {
        return open.isPositive() ? ItemStatus.OPEN : ItemStatus.PAID;
    }

    /** The open amount after an allocation; an allocation larger than what is open is refused, never clipped. */
    public static Money afterAllocation(Money open, Money allocation, String item) {
        if (!allocation.sameCurrencyAs(open) || !allocation.isPositive() || allocation.compareTo(open) > 0) {
            throw new RecoupException(ErrorCode.INVALID_ALLOCATION, "item " + item + " with " + open + " open cannot take an"
                    + " allocation of " + allocation);
        }
        return open.minus(allocation);
    }

    /** The open amount after money allocated to the item was taken back (a return, a refund, a reversal). */
    public static Money afterReturn(Money open, Money returned, String item) {
        if (!returned.sameCurrencyAs(open) || !returned.isPositive()) {
            throw new RecoupException(ErrorCode.INVALID_ALLOCATION, "item " + item + " with " + open + " open cannot be"
                    + " reopened by " + returned);
        }
        return open.plus(returned);
    }
}
