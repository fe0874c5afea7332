package io.recoup.routes.receive;

import io.recoup.core.event.MatcherEvent;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.LocalDate;
import java.util.List;

/**
 * Returns and reversals of credits: a booked debit that sends back a payment we received. When it quotes the bank ids
 * of exactly one receipt of the same amount, everything that receipt paid is undone: each item is reopened by what it
 * got, each posting is reversed in the ledger once (the {@code -R} posting), and the receipt ends RETURNED. A return
 * that ties to no receipt, or to several, is recorded for a person, never ignored. Runs inside the statement import's
 * transaction, so a return is recorded together with its statement or not at all; importing it twice changes nothing.
 */
public final class CreditReturns {
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final EventLog events;

    public CreditReturns(ReceiptRepository receipts, LedgerRepository ledger, EventLog events) {
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
    }

    /** What became of one return. */
    public enum Outcome { UNDONE, ALREADY_UNDONE, UNRESOLVED }

    /**
     * Undoes the receipt the return quotes. {@code provider}/{@code providerId} name the return's own entry; an untied
     * return is recorded under them only when {@code unresolvedWanted} (a direct debit's return is the direct-debit
     * stage's affair).
     */
    public Outcome apply(StatementReceipts.Returned r, String provider, String providerId, LocalDate bookedOn, String origin,
                         boolean unresolvedWanted) {
        List<ReceiptId> tied = receipts.quotedBy(r.quotedReferences(), r.amount());
        String what = (r.reversal() ? "reversal" : "return") + (r.reasonCode() == null ? "" : " " + r.reasonCode())
                + " in " + origin + " (entry " + r.entryRef() + ")";
        if (tied.size() == 1) {
            return undo(tied.get(0), what, "sent back by the bank: " + what);
        }
        if (unresolvedWanted) {
            String reason = what + " quotes " + r.quotedReferences() + ", which " + (tied.isEmpty()
                    ? "names no receipt of " + r.amount() : "names " + tied.size() + " receipts of " + r.amount())
                    + ": a person ties it to a payment";
            if (receipts.recordUnresolvedReturn(provider, providerId, r.amount(), bookedOn, r.quotedReferences(), reason, origin)) {
                events.append(new MatcherEvent.ReturnUnresolved(provider, providerId, r.amount(), reason));
            }
        }
        return Outcome.UNRESOLVED;
    }

    /**
     * Undoes everything {@code receipt} paid: each item reopened by what it got, each posting reversed once, the
     * receipt RETURNED with {@code reason}. Doing it twice changes nothing the second time.
     */
    public Outcome undo(ReceiptId receipt, String what, String reason) {
        List<ReceiptRepository.Reversed> reversed = receipts.reverseAllocations(receipt);
        for (ReceiptRepository.Reversed a : reversed) {
            ledger.reopen(a.itemId(), a.amount());
            StoredItem item = ledger.get(a.itemId());
            events.append(new MatcherEvent.CreditReturned(item.key(), a.amount(), a.allocation(), a.reversal(),
                    what + "; open now " + item.open()));
        }
        boolean moved = receipts.settle(receipt, ReceiptEvent.RETURN, reason);
        return moved || !reversed.isEmpty() ? Outcome.UNDONE : Outcome.ALREADY_UNDONE;
    }
}
