package io.recoup.routes.receive;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.dunning.Hold;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.event.RecoupEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.plan.PauseRepository;
import io.recoup.store.provider.ProviderCollections;
import io.recoup.store.provider.ProviderMandates;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.ReceiptRepository;
import io.recoup.store.receive.ProviderObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies what a provider event means to Recoup's books, inside the worker's transaction, and says in words what it
 * did (kept with the event). A payment becomes one receipt per (provider, payment id), however many events tell of it,
 * allocated to the items our metadata names up to what each still has open, its postings queued in the outbox like
 * any allocation's; money an item no longer needs (paid another way meanwhile) stays on the receipt and waits in the
 * exceptions queue as an overpayment. An undone payment is reversed like a returned credit ({@link CreditReturns}); a
 * dispute holds the items it paid until it is closed (lost: undone as well); a mandate at the provider changing is
 * recorded ({@link ProviderMandateEffects}), and so is what a payment means for an item collected against one; what
 * needs a person fails with the reason, so the worker parks the event. An effect told as an object's state at a time
 * ({@link PaymentEffect.AsOf}) is applied only while it is the newest state of that object Recoup knows
 * ({@link ProviderObjects}); an older one (except a payment) makes the provider's reader fetch the object as it is now
 * ({@link ProviderEventReader#current}), and that state is applied when it differs from the one known, not the stale
 * payload; a reader that cannot fetch leaves the stale event without effect.
 */
public final class PaymentEffects {
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final PauseRepository pauses;
    private final ProviderObjects objects;
    private final CreditReturns returns;
    private final EventLog events;
    private final Clock clock;
    private final ProviderMandateEffects mandates;

    public PaymentEffects(ReceiptRepository receipts, LedgerRepository ledger, PauseRepository pauses, ProviderObjects objects,
                          EventLog events, Clock clock, ProviderMandates mandates, ProviderCollections collections,
                          CollectionRepository holds) {
        this.mandates = new ProviderMandateEffects(mandates, collections, holds, events);
        this.receipts = receipts;
        this.ledger = ledger;
        this.pauses = pauses;
        this.objects = objects;
        this.returns = new CreditReturns(receipts, ledger, events);
        this.events = events;
        this.clock = clock;
    }

    /** The effects over one database, each repository made on it. */
    public static PaymentEffects create(Database db, Clock clock) {
        return new PaymentEffects(new ReceiptRepository(db), new LedgerRepository(db), new PauseRepository(db), new ProviderObjects(db),
                new EventLog(db), clock, new ProviderMandates(db), new ProviderCollections(db), new CollectionRepository(db));
    }

    /**
     * Applies {@code effect} of {@code event}, which {@code reader} read; for a state older than the one known the
     * reader is asked for the object's state now. Returns what was done.
     */
    public String apply(ProviderEvent event, PaymentEffect effect, ProviderEventReader reader) {
        if (effect instanceof PaymentEffect.Ignored ignored) {
            return "ignored: " + ignored.reason();
        }
        if (effect instanceof PaymentEffect.Paid paid) {
            return paid(event, paid) + mandates.paid(event, paid.paymentId());
        }
        if (effect instanceof PaymentEffect.Undone undone) {
            return undone(event, undone) + mandates.undone(event, undone.paymentId(), undone.reason());
        }
        if (effect instanceof PaymentEffect.MandateChanged changed) {
            return mandates.changed(event, changed);
        }
        if (effect instanceof PaymentEffect.Disputed disputed) {
            return disputed(event, disputed);
        }
        if (effect instanceof PaymentEffect.DisputeClosed closed) {
            return disputeClosed(event, closed);
        }
        if (effect instanceof PaymentEffect.AsOf stated) {
            return asOf(event, stated, reader);
        }
        PaymentEffect.NeedsAPerson person = (PaymentEffect.NeedsAPerson) effect;
        throw new RecoupException(ErrorCode.PAYMENT_NEEDS_A_PERSON, event.provider() + " payment " + person.paymentId() + ": "
                + person.reason());
    }

    private String paid(ProviderEvent event, PaymentEffect.Paid paid) {
        LocalDate on = LocalDate.ofInstant(paid.paidAt(), clock.getZone());
        Optional<ReceiptId> recorded = receipts.insertIfNew(new NewReceipt(event.provider(), paid.paymentId(), paid.amount(), on, on,
                List.of(), "paid through " + event.provider() + " for notice " + paid.notice(), null, null,
                event.provider() + " event " + event.eventId(), Set.of(paid.paymentId())));
        if (recorded.isEmpty()) {
            return "payment " + paid.paymentId() + " is recorded already";
        }
        ReceiptId receipt = recorded.get();
        Money left = paid.amount();
        List<ReceiptRepository.NewAllocation> allocations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String rule = event.provider() + " payment for notice " + paid.notice();
        for (PaymentEffect.ItemShare share : paid.items()) {
            Optional<StoredItem> item = ledger.find(share.item());
            if (item.isEmpty() || !item.get().open().sameCurrencyAs(left)) {
                problems.add(share.item() + (item.isEmpty() ? " is not known" : " is kept in another currency"));
                continue;
            }
            Money give = share.amount().min(item.get().open().max(Money.zero(left.currency()))).min(left);
            if (give.isPositive()) {
                allocations.add(new ReceiptRepository.NewAllocation(item.get().id(), give, rule));
                left = left.minus(give);
            }
            if (give.compareTo(share.amount()) < 0) {
                problems.add(share.item() + " had " + item.get().open() + " open of " + share.amount() + " listed");
            }
        }
        ReceiptEvent outcome = allocations.isEmpty() ? ReceiptEvent.LEAVE_UNMATCHED
                : left.isZero() ? ReceiptEvent.ALLOCATE_FULLY : ReceiptEvent.ALLOCATE_PARTLY;
        String reason = left.isZero() ? rule : "overpayment of " + left + " (" + rule + "): " + String.join("; ", problems);
        List<AllocationId> ids = receipts.settleAll(List.of(new ReceiptRepository.Settlement(receipt, outcome, reason, allocations)));
        List<StoredItem> after = ledger.applyAllocations(allocations.stream()
                .map(a -> new LedgerRepository.ItemAllocation(a.itemId(), a.amount())).toList());
        List<RecoupEvent> logged = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            logged.add(new MatcherEvent.Allocated(after.get(i).key(), allocations.get(i).amount(), ids.get(i), rule, after.get(i).open()));
        }
        if (!left.isZero()) {
            logged.add(new MatcherEvent.Unmatched(receipt, reason));
        }
        events.appendAll(logged);
        return "receipt " + receipt.value() + " of " + paid.amount() + ", " + allocations.size() + " item(s) paid"
                + (left.isZero() ? "" : ", " + left + " waits as an overpayment");
    }

    private String undone(ProviderEvent event, PaymentEffect.Undone undone) {
        Optional<ReceiptId> receipt = receipts.find(event.provider(), undone.paymentId());
        if (receipt.isEmpty()) {
            if (undone.amount() == null) {
                return "payment " + undone.paymentId() + " was never recorded: nothing to undo (" + undone.reason() + ")";
            }
            // money went back for a payment we have not seen (yet): a person ties it, as with a bank's unresolved return
            receipts.recordUnresolvedReturn(event.provider(), undone.paymentId(), undone.amount(), LocalDate.now(clock),
                    Set.of(undone.paymentId()), undone.reason() + ", but no receipt of it is recorded", event.provider() + " event "
                            + event.eventId());
            return "no receipt of payment " + undone.paymentId() + ": recorded as an unresolved return";
        }
        CreditReturns.Outcome outcome = returns.undo(receipt.get(), event.provider() + " " + undone.reason(),
                "undone by " + event.provider() + ": " + undone.reason());
        return "payment " + undone.paymentId() + (outcome == CreditReturns.Outcome.UNDONE ? " undone" : " was undone already");
    }

    /**
     * Applies the state unless a newer one of the object is known (a payment always), and keeps it as known. A stale
     * state: the object's state now, fetched, is applied instead when it differs from the one known.
     */
    private String asOf(ProviderEvent event, PaymentEffect.AsOf stated, ProviderEventReader reader) {
        Optional<ProviderObjects.Known> known = objects.lockAndRead(event.provider(), stated.objectId());
        if (known.isEmpty() || !known.get().asOf().isAfter(stated.asOf()) || stated.effect() instanceof PaymentEffect.Paid) {
            String outcome = apply(event, stated.effect(), reader);
            objects.remember(event.provider(), stated.objectId(), new ProviderObjects.Known(stated.state(), stated.asOf(), event.eventId()));
            return outcome;
        }
        String stale = "stale: " + stated.objectId() + " is known " + known.get().state() + " as of " + known.get().asOf()
                + " (event " + known.get().eventId() + "), this event tells " + stated.state() + " as of " + stated.asOf();
        Optional<PaymentEffect.AsOf> now = reader.current(stated, clock.instant());
        if (now.isEmpty() || now.get().state().equals(known.get().state())) {
            return "ignored as " + stale + now.map(n -> "; " + event.provider() + " has it " + n.state() + " now").orElse("");
        }
        // the object moved on past what we know (its newer event is late or lost): its state now counts, not the stale one
        String outcome = apply(event, now.get().effect(), reader);
        Instant at = now.get().asOf().isAfter(known.get().asOf()) ? now.get().asOf() : known.get().asOf();
        objects.remember(event.provider(), stated.objectId(), new ProviderObjects.Known(now.get().state(), at, event.eventId()));
        return stale + "; " + event.provider() + " has it " + now.get().state() + " now, applied: " + outcome;
    }

    private String disputed(ProviderEvent event, PaymentEffect.Disputed disputed) {
        Optional<ReceiptId> receipt = receipts.find(event.provider(), disputed.paymentId());
        if (receipt.isEmpty()) {
            throw new RecoupException(ErrorCode.PAYMENT_NEEDS_A_PERSON, event.provider() + " payment " + disputed.paymentId()
                    + " is disputed but no receipt of it is recorded: " + disputed.reason());
        }
        List<Long> items = receipts.allocatedItems(receipt.get());
        for (long itemId : items) {
            pauses.hold(ledger.get(itemId).customerId(), Optional.of(itemId), Hold.Kind.DISPUTE, holdReason(event, disputed.disputeId())
                    + disputed.reason(), LocalDate.now(clock), Optional.empty(), event.provider());
        }
        return items.size() + " item(s) held: dispute " + disputed.disputeId() + " " + disputed.reason();
    }

    /** Ends the dispute's holds; a lost dispute then undoes the payment (reversal posted once). */
    private String disputeClosed(ProviderEvent event, PaymentEffect.DisputeClosed closed) {
        int released = 0;
        Optional<ReceiptId> receipt = receipts.find(event.provider(), closed.paymentId());
        for (long itemId : receipt.map(receipts::allocatedItems).orElse(List.of())) {
            released += pauses.releaseItemHolds(itemId, Hold.Kind.DISPUTE, event.provider(), holdReason(event, closed.disputeId()));
        }
        String holds = released + " dispute hold(s) released";
        if (!closed.lost()) {
            return closed.reason() + ": " + holds;
        }
        return closed.reason() + ": " + holds + "; " + undone(event, new PaymentEffect.Undone(closed.paymentId(), closed.amount(),
                closed.reason()));
    }

    /** How a dispute's holds begin, so its end releases those and no other. */
    private static String holdReason(ProviderEvent event, String disputeId) {
        return event.provider() + " dispute " + disputeId + ": ";
    }
}
