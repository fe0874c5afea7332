package io.recoup.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<String> references = new ArrayList<>(2);
        List<MatchableItem> named = new ArrayList<>(1);
        for (String structured : receipt.references()) {
            // one of ours, as printed on our notices, is valid by construction: the check digits matter for the rest
            String electronic = OpenBook.electronic(structured);
            Optional<MatchableItem> ours = book.byReference(electronic);
            if (ours.isPresent()) {
                name(electronic, ours.get(), references, named);
            } else if (CreditorReferences.valid(structured) != null) {
                unknown(electronic, references, evidence);
            }
        }
        for (String typed : CreditorReferences.inText(receipt.remittanceText())) {
            book.byReference(typed).ifPresentOrElse(item -> name(typed, item, references, named),
                    () -> unknown(typed, references, evidence));
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String rule = "creditor reference";
        String seen = "reference " + String.join(", ", references);
        List<MatchableItem> open = new ArrayList<>(named.size());
        for (MatchableItem item : named) {
            if (!item.open().sameCurrencyAs(receipt.amount())) {
                return Optional.of(evidence.unmatched(seen + " names an invoice in another currency than the payment ("
                        + receipt.amount().currencyCode() + "); not converted", named));
            }
            if (item.open().isPositive()) {
                open.add(item);
            }
        }
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

    private static void name(String reference, MatchableItem item, List<String> references, List<MatchableItem> named) {
        if (!references.contains(reference)) {
            references.add(reference);
        }
        if (!named.contains(item)) {
            named.add(item);
        }
    }

    private static void unknown(String reference, List<String> references, Evidence evidence) {
        if (!references.contains(reference)) {
            references.add(reference);
            evidence.note("creditor reference " + reference + " matches no invoice");
        }
    }
}
