package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule 2, invoice numbers in the text (and in structured references that are not RF references), however they are
 * written ({@link InvoiceNumbers}). A number alone is never enough: it must be backed by the payer (the items of the
 * identified payer among those named) or, when nobody is identified, by the amount (exactly what one named item has
 * open, or exactly what all named items of one customer have open together). A number that points at another
 * customer's invoice than the identified payer's, or one the amount does not fit, is left for the payer rule or a
 * person, with the items it named as candidates.
 */
final class NumberRule {
    private final OpenBook book;

    NumberRule(OpenBook book) {
        this.book = book;
    }

    Optional<MatchResult> apply(ReceiptToMatch receipt, Payers.Identification payer, Evidence evidence) {
        List<MatchableItem> named = book.openByKeys(InvoiceNumbers.keysIn(textOf(receipt)));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        evidence.consider(named);
        List<MatchableItem> sameCurrency = new ArrayList<>(named.size());
        List<MatchableItem> exact = new ArrayList<>(1);
        for (MatchableItem item : named) {
            if (item.open().sameCurrencyAs(receipt.amount())) {
                sameCurrency.add(item);
                if (item.open().compareTo(receipt.amount()) == 0) {
                    exact.add(item);
                }
            }
        }
        if (sameCurrency.isEmpty()) {
            evidence.note("the invoices named are in another currency than the payment (" + receipt.amount().currencyCode()
                    + "); not converted");
            return Optional.empty();
        }
        String numbers = numbers(sameCurrency);
        if (payer.customer().isPresent()) {
            return ofPayer(receipt, payer, sameCurrency, numbers, evidence);
        }
        if (exact.size() == 1) {
            return Optional.of(Evidence.allocate(receipt, exact, "invoice number and amount", "number " + exact.get(0).number()
                    + " in the text, amount " + receipt.amount() + " is what it has open; " + payer.evidence(), book));
        }
        if (exact.isEmpty() && sameCurrency.size() > 1 && oneCustomer(sameCurrency)
                && Evidence.sum(sameCurrency).compareTo(receipt.amount()) == 0) {
            return Optional.of(Evidence.allocate(receipt, sameCurrency, "invoice numbers and total", "numbers " + numbers
                    + " in the text, amount " + receipt.amount() + " is what they have open together; " + payer.evidence(), book));
        }
        evidence.note("the text names " + numbers + " but the amount " + receipt.amount() + " fits none of them alone"
                + (exact.size() > 1 ? " (it fits " + exact.size() + " equally)" : "") + " and the payer is not known ("
                + payer.evidence() + ")");
        return Optional.empty();
    }

    /** Where numbers are looked for: the free text, and structured references that may be invoice numbers. */
    static String textOf(ReceiptToMatch receipt) {
        return receipt.references().isEmpty() ? receipt.remittanceText()
                : receipt.remittanceText() + " " + String.join(" ", receipt.references());
    }

    /** The payer is known: the named items of that customer decide, those of other customers are probably typos. */
    private Optional<MatchResult> ofPayer(ReceiptToMatch receipt, Payers.Identification payer, List<MatchableItem> named,
                                          String numbers, Evidence evidence) {
        String customer = payer.customer().orElseThrow();
        List<MatchableItem> own = new ArrayList<>(named.size());
        for (MatchableItem item : named) {
            if (item.customer().equals(customer)) {
                own.add(item);
            }
        }
        if (own.isEmpty()) {
            evidence.note("the text names " + numbers + " of another customer than the payer (" + payer.evidence() + ")");
            return Optional.empty();
        }
        String seen = "number(s) " + numbers(own) + " in the text; "
                + payer.evidence();
        Money total = Evidence.sum(own);
        if (own.size() == 1 || receipt.amount().compareTo(total) >= 0) {
            return Optional.of(Evidence.allocate(receipt, own, own.size() == 1 ? "invoice number and payer"
                    : "invoice numbers and payer", seen, book));
        }
        Optional<List<MatchableItem>> subset = Subsets.unique(own, receipt.amount());
        if (subset.isPresent()) {
            return Optional.of(Evidence.allocate(receipt, subset.get(), "invoice numbers, payer and amount", seen
                    + "; the amount is exactly what " + subset.get().size() + " of them have open", book));
        }
        evidence.note("the payer's invoices " + numbers + " have " + total + " open; " + receipt.amount()
                + " pays no unique set of them: a person splits it");
        return Optional.empty();
    }

    private static String numbers(List<MatchableItem> items) {
        if (items.size() == 1) {
            return items.get(0).number();
        }
        StringBuilder numbers = new StringBuilder();
        for (MatchableItem item : items) {
            numbers.append(numbers.isEmpty() ? "" : ", ").append(item.number());
        }
        return numbers.toString();
    }

    private static boolean oneCustomer(List<MatchableItem> items) {
        return items.stream().map(MatchableItem::customer).distinct().count() == 1;
    }
}
