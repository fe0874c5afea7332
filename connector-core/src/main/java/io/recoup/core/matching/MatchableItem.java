package io.recoup.core.matching;

import io.recoup.core.money.Money;

/**
 * An open item as the matcher sees it: what a payment can be allocated to (its id, invoice number, RF creditor
 * reference and what is still open). A view of its own, not {@link io.recoup.core.ledger.OpenItem}, because what is
 * open for matching is Recoup's amount (less allocations not yet posted back), not the ledger's.
 */
public record MatchableItem(long itemId, String number, String creditorReference, Money open) {}
