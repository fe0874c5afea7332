package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.core.lifecycle.CollectionLifecycle;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.routes.ReturnedEntries;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtStatement;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.returns.RTransaction;
import io.recoup.sepa.returns.ReturnAction;
import io.recoup.sepa.returns.ReturnReasonPolicy;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.StoredCollection;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the return-reason policy to a reject (pain.002) or a return, refund or reversal (camt) of one of Recoup's
 * presentations, found again by its end-to-end id. The presentation records code, meaning and action; money that had
 * been settled is added back to the item; then RE_PRESENT_ONCE plans the next attempt with a new date and a new
 * pre-notification, STOP_MANDATE_AND_OFFER_PAYMENT_LINK fails the mandate (withdrawing its other presentations) and
 * hands the item back to the dunning policy, REOPEN_ITEM hands it back too, and NEEDS_PERSON puts it on the review
 * list. The item's event log says all of it. Runs inside the caller's transaction and is idempotent: a presentation
 * already rejected or returned is left alone.
 */
public final class ReturnHandling implements ReturnedEntries {
    private final CollectionRepository collections;
    private final MandateStore mandates;
    private final EventLog events;
    private final Withdrawals withdrawals;
    private final DirectDebitSettings settings;
    private final Clock clock;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;

    ReturnHandling(CollectionRepository collections, MandateStore mandates, EventLog events, Withdrawals withdrawals,
                   DirectDebitSettings settings, Clock clock, ReceiptRepository receipts, LedgerRepository ledger) {
        this.receipts = receipts;
        this.ledger = ledger;
        this.collections = collections;
        this.mandates = mandates;
        this.events = events;
        this.withdrawals = withdrawals;
        this.settings = settings;
        this.clock = clock;
    }

    /** The R-transactions of a camt entry; entries that are none of Recoup's (fees, other debits) change nothing. */
    @Override
    public void onEntry(String origin, CamtStatement statement, CamtEntry entry) {
        for (RTransaction r : RTransaction.fromEntry(entry)) {
            apply(r, origin).filter(h -> h.outcome().equals("UNKNOWN")).ifPresent(h -> events.append(
                    new DirectDebitEvent.UnknownReturn(origin, r.reasonCode(), r.endToEndId(), entry.index(), entry.line())));
        }
    }

    /** Empty when the end-to-end id is not of Recoup's form; UNKNOWN when it is but no presentation has it. */
    public Optional<DirectDebitReports.Handled> apply(RTransaction r, String origin) {
        if (r.collectionId().isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredCollection> found = collections.findForUpdate(r.endToEndId());
        if (found.isEmpty()) {
            return Optional.of(new DirectDebitReports.Handled(r.endToEndId(), "UNKNOWN", r.reasonCode(), null,
                    "no collection has this end-to-end id"));
        }
        StoredCollection c = found.get();
        ReturnReasonPolicy.Decision decision = ReturnReasonPolicy.decide(r);
        CollectionEvent event = r.source() == RTransaction.Source.PAIN002_REJECT ? CollectionEvent.REJECT : CollectionEvent.RETURN;
        if (!CollectionLifecycle.TABLE.allows(c.status(), event)) {
            return Optional.of(new DirectDebitReports.Handled(c.endToEndId(), "ALREADY_HANDLED", decision.reasonCode(),
                    null, "the collection is " + c.status()));
        }
        CollectionStatus to = CollectionLifecycle.TABLE.target(event);
        collections.move(c.id(), event, decision.reasonCode(), decision.explanation(), decision.action().name());
        List<String> done = new ArrayList<>();
        if (c.status() == CollectionStatus.SETTLED) {
            ledger.reopen(c.itemId(), c.amount());
            done.add(c.amount() + " taken back, added to what is open");
            // the payment was posted to the ledger at settlement: take it back there too, once
            receipts.reversePosting("sepa-dd:" + settings.creditorId(), c.endToEndId())
                    .ifPresent(document -> done.add("the ledger posting is reversed as " + document));
        }
        done.add(act(decision, r, c));
        events.append(new DirectDebitEvent.Returned(c.itemKey(), c.endToEndId(), to, decision.reasonCode(), decision.explanation(),
                done, describe(r.source()) + " " + origin));
        return Optional.of(new DirectDebitReports.Handled(c.endToEndId(), to.name(), decision.reasonCode(),
                decision.action().name(), decision.explanation()));
    }

    private String act(ReturnReasonPolicy.Decision decision, RTransaction r, StoredCollection c) {
        if (decision.action() == ReturnAction.RE_PRESENT_ONCE) {
            return represent(r, c);
        }
        collections.releaseHold(c.itemId());
        if (decision.action() == ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK) {
            return stopMandate(c, decision.explanation()) + "; the item goes back to the dunning policy, whose reminders "
                    + "carry the bank details and RF reference to pay by transfer";
        }
        if (decision.action() == ReturnAction.REOPEN_ITEM) {
            return "the item is open again and goes back to the dunning policy";
        }
        collections.addReview(c.id(), c.itemId(), decision.reasonCode(), decision.explanation());
        return "a person decides (review list); the item goes back to the dunning policy meanwhile";
    }

    private String represent(RTransaction r, StoredCollection c) {
        MandateStore.Held held = mandates.getForUpdate(c.mandateId());
        Mandate mandate = held.mandate();
        LocalDate today = LocalDate.now(clock);
        if (mandate.state().isFinal() || mandate.isLapsedOn(today)) {
            collections.releaseHold(c.itemId());
            return "not presented again: mandate " + mandate.reference() + " is " + mandate.state()
                    + "; the item goes back to the dunning policy";
        }
        ReturnReasonPolicy.RePresentation again = ReturnReasonPolicy.rePresentation(r, mandate,
                new SepaAmount(c.amount().amount()), today, settings.preNotificationDays());
        Optional<Long> id = collections.insertPlanned(c.itemId(), c.mandateId(), c.amount(), again.collectionDate(),
                c.attempt() + 1, c.id(), again.endToEndId().value());
        if (id.isEmpty()) {
            return "not presented again: the item is already in another direct debit";
        }
        collections.holdItem(c.customerId(), c.itemId(), "SEPA direct debit " + again.endToEndId() + " on "
                + again.collectionDate(), today);
        return "presented again as " + again.endToEndId() + " on " + again.collectionDate() + " after a new pre-notification";
    }

    private String stopMandate(StoredCollection c, String why) {
        MandateStore.Held held = mandates.getForUpdate(c.mandateId());
        Mandate mandate = held.mandate();
        if (!mandate.state().isFinal()) {
            mandates.update(held.id(), mandate.rejectByBank());
            events.append(new DirectDebitEvent.MandateStopped(held.id(), mandate.state().name(), why, c.endToEndId()));
        }
        for (StoredCollection other : collections.notYetSubmitted(held.id())) {
            withdrawals.withdraw(other, "mandate " + mandate.reference() + " was stopped: " + why);
        }
        return "mandate " + mandate.reference() + " stopped";
    }

    private static String describe(RTransaction.Source source) {
        return switch (source) {
            case PAIN002_REJECT -> "pain.002 reject in";
            case CAMT_RETURN -> "camt return in";
            case CAMT_REVERSAL -> "camt reversal in";
        };
    }
}
