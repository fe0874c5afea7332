package io.recoup.core.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 1, our own references: RF creditor references that pass their check digits, structured or typed into the
 * text. They were printed on our notices, so they name the item even when the amount differs: a smaller payment is a
 * part payment, a larger one leaves a surplus for the customer. A reference to an item that is already paid, in
 * another currency, or several references the amount does not cover, go to a person.
 */
final class ReferenceRule {
    private final OpenBook book;

    ReferenceRule(OpenBook book) {
        this.book = book;
    }

    Optional<MatchResult> apply(ReceiptToMatch receipt, Evidence evidence) {
        Set<String> references = new LinkedHashSet<>();
        for (String structured : receipt.references()) {
            String valid = CreditorReferences.valid(structured);
            if (valid != null) {
                references.add(valid);
            }
        }
        references.addAll(CreditorReferences.inText(receipt.remittanceText()));
        if (references.isEmpty()) {
            return Optional.empty();
        }
        List<MatchableItem> named = new ArrayList<>();
        for (String reference : references) {
            Optional<MatchableItem> item = book.byReference(reference);
            if (item.isEmpty()) {
                evidence.note("creditor reference " + reference + " matches no invoice");
            } else if (!named.contains(item.get())) {
                named.add(item.get());
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String rule = "creditor reference";
        String seen = "reference " + String.join(", ", references);
        if (named.stream().anyMatch(i -> !i.open().sameCurrencyAs(receipt.amount()))) {
            return Optional.of(evidence.unmatched(seen + " names an invoice in another currency than the payment ("
                    + receipt.amount().currencyCode() + "); not converted", named));
        }
        List<MatchableItem> open = named.stream().filter(i -> i.open().isPositive()).toList();
        if (open.isEmpty()) {
            return Optional.of(evidence.unmatched(seen + " names invoices with nothing open: paid twice? a refund or a"
                    + " person's allocation", named));
        }
        if (open.size() > 1 && receipt.amount().compareTo(Evidence.sum(open)) < 0) {
            return Optional.of(evidence.unmatched(seen + " names " + open.size() + " invoices with " + Evidence.sum(open)
                    + " open, but the payment is " + receipt.amount() + ": a person splits it", open));
        }
        return Optional.of(Evidence.allocate(receipt, open, rule, seen, book));
    }
}
