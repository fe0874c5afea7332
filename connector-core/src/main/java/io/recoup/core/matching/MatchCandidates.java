package io.recoup.core.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every item the matcher could look up for a set of receipts: the items an RF reference in them names, the items whose
 * invoice number one of their texts may name, and the items of every payer they identify. The matcher finds items only
 * by those three lookups, so a book of these items (a superset is fine) gives the same results as a book of every open
 * item, and a run over a few receipts need not read a million items. Payer identification must see every customer
 * with something open, as with the whole book.
 */
public final class MatchCandidates {
    private final Set<String> references = new HashSet<>();
    private final Set<String> numberKeys = new HashSet<>();
    private final Set<String> customers = new HashSet<>();

    private MatchCandidates() {
    }

    /** What the rules would look up for these receipts, with payers identified as they would be. */
    public static MatchCandidates of(List<ReceiptToMatch> receipts, Payers payers) {
        MatchCandidates wanted = new MatchCandidates();
        for (ReceiptToMatch receipt : receipts) {
            receipt.references().forEach(r -> wanted.references.add(OpenBook.electronic(r)));
            wanted.references.addAll(CreditorReferences.inText(receipt.remittanceText()));
            wanted.numberKeys.addAll(InvoiceNumbers.keysIn(NumberRule.textOf(receipt)));
            payers.identify(receipt).customer().ifPresent(wanted.customers::add);
        }
        return wanted;
    }

    /** The RF references, electronic format, that the receipts name. */
    public Set<String> references() {
        return Set.copyOf(references);
    }

    /** The customers ({@code source:id}) the receipts' payers are identified as. */
    public Set<String> customers() {
        return Set.copyOf(customers);
    }

    /** True when an item with this invoice number is one a text of the receipts may name. */
    public boolean mayName(String number) {
        for (String key : InvoiceNumbers.keysOf(number)) {
            if (numberKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** True when the matcher could look the item up for these receipts. */
    public boolean wants(MatchableItem item) {
        return (item.creditorReference() != null && references.contains(OpenBook.electronic(item.creditorReference())))
                || customers.contains(item.customer()) || mayName(item.number());
    }
}
