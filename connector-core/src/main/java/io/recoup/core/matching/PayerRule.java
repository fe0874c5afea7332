package io.recoup.core.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules 3 and 4, payer and amount: when the payer is identified ({@link Payers}) and the receipt names nothing that
 * decided it, the payer's open items in the payment's currency, due no later than {@value #DAYS_AHEAD} days after the
 * booking, are searched for the one item, or the one set of items, whose open amounts are exactly the payment. Two
 * equally good answers mean no answer: a person decides.
 */
final class PayerRule {
    static final int DAYS_AHEAD = 60;

    private final OpenBook book;

    PayerRule(OpenBook book) {
        this.book = book;
    }

    Optional<MatchResult> apply(ReceiptToMatch receipt, Payers.Identification payer, Evidence evidence) {
        if (payer.customer().isEmpty()) {
            evidence.note(payer.evidence());
            return Optional.empty();
        }
        LocalDate latestDue = receipt.bookedOn() == null ? null : receipt.bookedOn().plusDays(DAYS_AHEAD);
        List<MatchableItem> items = new ArrayList<>();
        List<MatchableItem> exact = new ArrayList<>(1);
        for (MatchableItem i : book.openOf(payer.customer().get())) {
            if (i.open().sameCurrencyAs(receipt.amount()) && (latestDue == null || i.dueDate() == null || !i.dueDate().isAfter(latestDue))) {
                items.add(i);
                if (i.open().compareTo(receipt.amount()) == 0) {
                    exact.add(i);
                }
            }
        }
        if (items.isEmpty()) {
            evidence.note(payer.evidence() + ", who has nothing open in " + receipt.amount().currencyCode());
            return Optional.empty();
        }
        Optional<List<MatchableItem>> chosen = items.size() > Subsets.MAX_ITEMS
                ? (exact.size() == 1 ? Optional.of(exact) : Optional.empty())
                : Subsets.unique(items, receipt.amount());
        if (chosen.isPresent()) {
            List<MatchableItem> set = chosen.get();
            String rule = set.size() == 1 ? "payer and amount" : "payer and amount of several invoices";
            return Optional.of(Evidence.allocate(receipt, set, rule, payer.evidence() + "; " + receipt.amount() + " is exactly "
                    + (set.size() == 1 ? "what " + set.get(0).number() + " has open"
                    : "what " + String.join(" + ", set.stream().map(MatchableItem::number).toList()) + " have open"), book));
        }
        evidence.consider(exact.isEmpty() ? items : exact);
        evidence.note(payer.evidence() + "; " + receipt.amount() + (exact.size() > 1 ? " is what " + exact.size()
                + " of the payer's invoices have open, equally" : " is no unique set of the payer's open invoices"));
        return Optional.empty();
    }
}
