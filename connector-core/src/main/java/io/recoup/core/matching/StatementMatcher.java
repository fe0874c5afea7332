package io.recoup.core.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Matches the receipts of a statement (or any set of receipts) against the open items, the most certain evidence
 * first across the whole set: first every receipt that carries one of our RF references ({@link ReferenceRule}), then
 * invoice numbers backed by the payer or the amount ({@link NumberRule}), then payer and amount ({@link PayerRule}).
 * So a receipt with a mistyped number cannot take an invoice that another receipt names by its reference. Each
 * allocation lowers the item at once. What no rule decides goes to the exceptions queue with every reason and the
 * candidates seen. Pure and deterministic: the same receipts and items give the same results.
 */
public final class StatementMatcher {
    private final OpenBook book;
    private final Payers payers;
    private final ReferenceRule references;
    private final NumberRule numbers;
    private final PayerRule payer;

    public StatementMatcher(Collection<MatchableItem> openItems, Payers payers) {
        this.book = new OpenBook(openItems);
        this.payers = payers;
        this.references = new ReferenceRule(book);
        this.numbers = new NumberRule(book);
        this.payer = new PayerRule(book);
    }

    /** The results for the receipts, in their order. */
    public List<MatchResult> matchAll(List<ReceiptToMatch> receipts) {
        int n = receipts.size();
        MatchResult[] results = new MatchResult[n];
        Evidence[] evidence = new Evidence[n];
        Payers.Identification[] who = new Payers.Identification[n];
        for (int i = 0; i < n; i++) {
            evidence[i] = new Evidence();
            ReceiptToMatch receipt = receipts.get(i);
            if (!receipt.amount().isPositive()) {
                results[i] = evidence[i].unmatched("amount " + receipt.amount() + " is not a positive credit", List.of());
            }
        }
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                results[i] = references.apply(receipts.get(i), evidence[i]).orElse(null);
            }
        }
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                who[i] = payers.identify(receipts.get(i));
                results[i] = numbers.apply(receipts.get(i), who[i], evidence[i]).orElse(null);
            }
        }
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                results[i] = payer.apply(receipts.get(i), who[i], evidence[i]).orElseGet(evidence[i]::unmatched);
            }
        }
        return List.of(results);
    }

    /** One receipt on its own, through every rule. */
    public MatchResult match(ReceiptToMatch receipt) {
        return matchAll(List.of(receipt)).get(0);
    }

    /** Takes in what changed outside the matcher (a person's allocation, an item re-read), so one matcher serves a run. */
    public void update(MatchableItem changed) {
        book.put(changed);
    }

    /** What the matcher holds open for an item now, if it knows the item. */
    public Optional<MatchableItem> item(long itemId) {
        return Optional.ofNullable(book.get(itemId));
    }
}
