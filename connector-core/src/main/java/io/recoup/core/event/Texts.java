package io.recoup.core.event;

import io.recoup.core.id.AllocationId;
import io.recoup.core.money.Money;

/** Wording that more than one kind of event uses. */
final class Texts {
    private Texts() {
    }

    static String allocated(Money amount, AllocationId allocation) {
        return "allocated " + amount + " (allocation " + allocation + ")";
    }
}
