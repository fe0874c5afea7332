package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.List;

/** The outcome of matching one receipt: every cent is either allocated or waits in the exceptions queue with a reason. */
public sealed interface MatchResult {
    /** The whole receipt is allocated, to one item or split over several. */
    record Matched(List<Allocation> allocations) implements MatchResult {
        public Matched {
            allocations = List.copyOf(allocations);
        }
    }

    /** Part of the receipt is allocated; the rest (an overpayment, a customer credit) waits in the exceptions queue. */
    record Partial(List<Allocation> allocations, Money unallocated, String reason) implements MatchResult {
        public Partial {
            allocations = List.copyOf(allocations);
        }
    }

    /** Nothing is allocated; the receipt waits in the exceptions queue with the reason and the items it might be for. */
    record Unmatched(String reason, List<String> candidates) implements MatchResult {
        public Unmatched {
            candidates = List.copyOf(candidates);
        }

        public Unmatched(String reason) {
            this(reason, List.of());
        }
    }
}
