package io.recoup.core.matching;

import io.recoup.core.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches receipts to open items, strongest evidence first: the structured creditor reference (RF, ISO 11649) the
 * payer's bank carried; an RF reference written into the free text; then an invoice number in the free text that
 * points at exactly one open item. A match in another currency is refused, not converted.
 */
public final class PaymentMatcher {
    private static final Pattern RF_IN_TEXT = Pattern.compile("RF\\d{2}(?: ?[A-Z0-9]{1,4}){1,6}", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]*[A-Za-z0-9]|[A-Za-z0-9]");

    private final Map<String, MatchableItem> byReference = new HashMap<>();
    private final Map<String, List<MatchableItem>> byNumber = new HashMap<>();

    public PaymentMatcher(Collection<MatchableItem> openItems) {
        for (MatchableItem item : openItems) {
            byReference.put(normalize(item.creditorReference()), item);
            byNumber.computeIfAbsent(item.number().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(item);
        }
    }

    /**
     * Takes in what an allocation changed, so one matcher serves a whole run: the item's new open amount, or, when
     * nothing is open any more, the item leaves the matcher as it would leave a freshly read list of open items.
     */
    public void update(MatchableItem changed) {
        List<MatchableItem> sameNumber = byNumber.getOrDefault(changed.number().toUpperCase(Locale.ROOT), new ArrayList<>());
        sameNumber.removeIf(i -> i.itemId() == changed.itemId());
        byReference.remove(normalize(changed.creditorReference()));
        if (changed.open().isPositive()) {
            byReference.put(normalize(changed.creditorReference()), changed);
            byNumber.computeIfAbsent(changed.number().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(changed);
        }
    }

    public MatchResult match(ReceiptToMatch receipt) {
        if (!receipt.amount().isPositive()) {
            return new MatchResult.Unmatched("amount " + receipt.amount() + " is not a positive credit");
        }
        Optional<String> structured = receipt.structuredReference().map(PaymentMatcher::normalize);
        if (structured.isPresent()) {
            MatchableItem item = byReference.get(structured.get());
            if (item != null) {
                return allocate(receipt, item, "structured creditor reference " + structured.get());
            }
        }
        var rf = RF_IN_TEXT.matcher(receipt.remittanceText());
        while (rf.find()) {
            // the pattern is greedy and may swallow the start of the next word: try the longest candidate first
            String candidate = normalize(rf.group());
            for (int end = candidate.length(); end >= 5; end--) {
                MatchableItem item = byReference.get(candidate.substring(0, end));
                if (item != null) {
                    return allocate(receipt, item, "creditor reference in remittance text " + candidate.substring(0, end));
                }
            }
        }
        List<MatchableItem> candidates = new ArrayList<>();
        var token = TOKEN.matcher(receipt.remittanceText());
        while (token.find()) {
            for (MatchableItem item : byNumber.getOrDefault(token.group().toUpperCase(Locale.ROOT), List.of())) {
                if (!candidates.contains(item)) {
                    candidates.add(item);
                }
            }
        }
        if (candidates.size() == 1) {
            return allocate(receipt, candidates.get(0), "invoice number " + candidates.get(0).number() + " in remittance text");
        }
        if (candidates.size() > 1) {
            return new MatchResult.Unmatched("remittance text names " + candidates.size() + " open invoices ("
                    + String.join(", ", candidates.stream().map(MatchableItem::number).toList()) + "); a person must split it");
        }
        return new MatchResult.Unmatched(structured.map(r -> "creditor reference " + r + " matches no open item")
                .orElse("no creditor reference and no open invoice number in the remittance text"));
    }

    private static MatchResult allocate(ReceiptToMatch receipt, MatchableItem item, String rule) {
        if (!receipt.amount().sameCurrencyAs(item.open())) {
            return new MatchResult.Unmatched(rule + " points at invoice " + item.number() + " in " + item.open().currencyCode()
                    + ", but the payment is in " + receipt.amount().currencyCode());
        }
        if (!item.open().isPositive()) {
            return new MatchResult.Unmatched(rule + " points at invoice " + item.number() + ", which has nothing open");
        }
        if (receipt.amount().compareTo(item.open()) <= 0) {
            return new MatchResult.Matched(item.itemId(), receipt.amount(), rule);
        }
        Money rest = receipt.amount().minus(item.open());
        return new MatchResult.Partial(item.itemId(), item.open(), rest, rule,
                "overpayment of " + rest + " on invoice " + item.number());
    }

    static String normalize(String reference) {
        return reference.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
