package io.recoup.core.matching;

import io.recoup.core.money.Money;

/** The outcome of matching one receipt. */
public sealed interface MatchResult {
    /** The whole receipt goes to one item (which may stay partly open). */
    record Matched(long itemId, Money allocated, String rule) implements MatchResult {}

    /** Part of the receipt settles the item; the rest (an overpayment) waits in the exceptions queue. */
    record Partial(long itemId, Money allocated, Money unallocated, String rule, String reason) implements MatchResult {}

    /** Nothing could be allocated; the receipt waits in the exceptions queue with this reason. */
    record Unmatched(String reason) implements MatchResult {}
}
