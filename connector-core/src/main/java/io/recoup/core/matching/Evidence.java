package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules saw of one receipt on their way: the reasons a rule did not decide and the invoices it considered,
 * so a receipt that ends in the exceptions queue says why and for which items a person should look first. Also turns
 * a decided set of items into allocations.
 */
final class Evidence {
    // made when first needed: most receipts are decided by their first rule with nothing to note
    private List<String> reasons = List.of();
    private Map<Long, MatchableItem> candidates = Map.of();

    void note(String reason) {
        if (reasons.isEmpty()) {
            reasons = new ArrayList<>(2);
        }
        reasons.add(reason);
    }

    void consider(List<MatchableItem> items) {
        if (items.isEmpty()) {
            return;
        }
        if (candidates.isEmpty()) {
            candidates = new LinkedHashMap<>();
        }
        // kept as they are now and written out only for a receipt that ends in the queue
        items.forEach(i -> candidates.putIfAbsent(i.itemId(), i));
    }

    MatchResult.Unmatched unmatched() {
        return new MatchResult.Unmatched(reasons.isEmpty() ? "no reference, no invoice number and no known payer"
                : String.join("; ", reasons), candidates.values().stream()
                .map(i -> i.number() + " (" + i.customer() + ", open " + i.open() + ")").toList());
    }

    MatchResult.Unmatched unmatched(String reason, List<MatchableItem> considered) {
        note(reason);
        consider(considered);
        return unmatched();
    }

    /**
     * Allocates the receipt to the items in order, each up to what it has open; what is left over is a surplus kept
     * for the customer in the exceptions queue. The rules call this only when the order cannot matter: one item, or
     * items that the receipt pays in full.
     */
    static MatchResult allocate(ReceiptToMatch receipt, List<MatchableItem> items, String rule, String evidence, OpenBook book) {
        List<Allocation> allocations = new ArrayList<>();
        Money left = receipt.amount();
        for (MatchableItem item : items) {
            Money share = left.compareTo(item.open()) < 0 ? left : item.open();
            if (share.isPositive()) {
                Allocation allocation = new Allocation(item.itemId(), item.number(), share, rule, evidence);
                book.allocate(allocation);
                allocations.add(allocation);
                left = left.minus(share);
            }
        }
        if (!left.isPositive()) {
            return new MatchResult.Matched(allocations);
        }
        return new MatchResult.Partial(allocations, left, "surplus of " + left + " over " + String.join(", ",
                items.stream().map(MatchableItem::number).toList()) + ", kept as a credit of customer " + items.get(0).customer());
    }

    static Money sum(List<MatchableItem> items) {
        Money total = Money.zero(items.get(0).open().currency());
        for (MatchableItem item : items) {
            total = total.plus(item.open());
        }
        return total;
    }
}
