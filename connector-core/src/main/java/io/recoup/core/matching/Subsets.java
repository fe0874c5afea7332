package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one set of open items whose open amounts add up exactly to a payment, if there is exactly one. The search is
 * bounded (at most {@value #MAX_ITEMS} items, at most {@value #MAX_STEPS} steps): beyond that, or with two or more
 * sets, the answer is "none", and a person decides.
 */
final class Subsets {
    static final int MAX_ITEMS = 24;
    static final int MAX_STEPS = 200_000;

    private Subsets() {
    }

    static Optional<List<MatchableItem>> unique(List<MatchableItem> items, Money amount) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            return Optional.empty();
        }
        List<MatchableItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((MatchableItem i) -> i.open().amount()).reversed());
        long[] cents = new long[sorted.size()];
        long[] suffix = new long[sorted.size() + 1];
        for (int i = sorted.size() - 1; i >= 0; i--) {
            cents[i] = sorted.get(i).open().amount().movePointRight(sorted.get(i).open().amount().scale()).longValueExact();
            suffix[i] = suffix[i + 1] + cents[i];
        }
        long target = amount.amount().movePointRight(amount.amount().scale()).longValueExact();
        Search search = new Search(cents, suffix);
        search.run(0, target, new boolean[cents.length]);
        if (search.solutions != 1 || search.exhausted) {
            return Optional.empty();
        }
        List<MatchableItem> chosen = new ArrayList<>();
        for (int i = 0; i < cents.length; i++) {
            if (search.found[i]) {
                chosen.add(sorted.get(i));
            }
        }
        return Optional.of(chosen);
    }

    private static final class Search {
        private final long[] cents;
        private final long[] suffix;
        private int solutions;
        private int steps;
        private boolean exhausted;
        private boolean[] found;

        Search(long[] cents, long[] suffix) {
            this.cents = cents;
            this.suffix = suffix;
        }

        void run(int at, long left, boolean[] taken) {
            if (solutions > 1 || exhausted) {
                return;
            }
            if (++steps > MAX_STEPS) {
                exhausted = true;
                return;
            }
            if (left == 0) {
                solutions++;
                found = taken.clone();
                return;
            }
            if (at == cents.length || left < 0 || suffix[at] < left) {
                return;
            }
            taken[at] = true;
            run(at + 1, left - cents[at], taken);
            taken[at] = false;
            run(at + 1, left, taken);
        }
    }
}
