package io.recoup.core.event;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;

/** What the matcher made of a receipt. */
public sealed interface MatcherEvent extends RecoupEvent {

    @Override
    default String actor() {
        return "matcher";
    }

    /** Money of a receipt allocated to an item by {@code rule}, leaving {@code openNow} on it. */
    record Allocated(OpenItemKey item, Money amount, AllocationId allocation, String rule, Money openNow)
            implements MatcherEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return Texts.allocated(amount, allocation); }
        @Override public String why() { return rule + "; open now " + openNow; }
    }

    /** Nothing allocated; the receipt waits in the exceptions queue. */
    record Unmatched(ReceiptId receipt, String reason) implements MatcherEvent {
        @Override public Subject subject() { return Subject.receipt(receipt); }
        @Override public String what() { return "unmatched"; }
        @Override public String why() { return reason; }
    }

    /** The bank sent a receipt's payment back: what it paid on the item is taken back and reversed in the ledger. */
    record CreditReturned(OpenItemKey item, Money amount, AllocationId allocation, String reversal, String why)
            implements MatcherEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "payment of " + amount + " returned (allocation " + allocation + ", reversal " + reversal + ")"; }
        @Override public String why() { return why; }
    }

    /** A booked debit that looks like a return of a credit but ties to no receipt: a person decides. */
    record ReturnUnresolved(String provider, String providerId, Money amount, String reason) implements MatcherEvent {
        @Override public Subject subject() { return new Subject("statement_entry", provider + ":" + providerId); }
        @Override public String what() { return "return of " + amount + " ties to no receipt"; }
        @Override public String why() { return reason; }
    }
}
