package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.lifecycle.ReceiptLifecycle;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.StoredCollection;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles presentations whose collection date has passed without a reject: the money counts as received. Chosen over
 * waiting for the camt credit because many banks book a whole pain.008 as one credit without transaction details, so
 * the credit cannot say which debits it holds; a later return or refund is undone by {@link ReturnHandling}. The
 * money goes the way of any payment: a receipt keyed by the end-to-end id (so settling twice adds nothing), an
 * allocation and a queued posting through {@link ReceiptRepository#allocate}, the item lowered through
 * {@link LedgerRepository#applyAllocation}. Money the item no longer needs (paid by transfer meanwhile) stays on the
 * receipt, in the exceptions queue, for a refund.
 */
public final class Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
    static final String RULE = "sepa direct debit";

    private final Database db;
    private final CollectionRepository collections;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final DirectDebitSettings settings;
    private final Clock clock;

    Settlement(Database db, CollectionRepository collections, ReceiptRepository receipts, LedgerRepository ledger,
               EventLog events, DirectDebitSettings settings, Clock clock) {
        this.db = db;
        this.collections = collections;
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public List<DirectDebitReports.Settled> settleDue() {
        List<DirectDebitReports.Settled> settled = new ArrayList<>();
        for (StoredCollection due : collections.presentedBefore(LocalDate.now(clock))) {
            db.inTransaction(() -> collections.findForUpdate(due.endToEndId()).flatMap(this::settle)).ifPresent(settled::add);
        }
        if (!settled.isEmpty()) {
            LOG.info("settled {} direct debit(s)", settled.size());
        }
        return settled;
    }

    private Optional<DirectDebitReports.Settled> settle(StoredCollection c) {
        if (!collections.move(c.id(), CollectionEvent.SETTLE, null, null, null)) {
            return Optional.empty();
        }
        collections.releaseHold(c.itemId());
        Optional<ReceiptId> receipt = receipts.insertIfNew(new NewReceipt("sepa-dd:" + settings.creditorId(), c.endToEndId(),
                c.amount(), c.requestedDate(), c.requestedDate(), c.creditorReference(), "SEPA direct debit " + c.endToEndId()
                + " " + c.itemNumber(), c.customerName(), null, c.fileName()));
        if (receipt.isEmpty()) {
            return Optional.of(report(c, "ALREADY_RECEIVED"));
        }
        StoredItem item = ledger.get(c.itemId());
        Money owed = item.status() == ItemStatus.OPEN ? item.open().min(c.amount()) : Money.zero(c.amount().currency());
        if (owed.isPositive()) {
            AllocationId allocation = receipts.allocate(receipt.get(), c.itemId(), owed, RULE + " " + c.endToEndId());
            ledger.applyAllocation(c.itemId(), owed);
            events.append(new DirectDebitEvent.Settled(c.itemKey(), owed, allocation, c.endToEndId(), c.requestedDate(),
                    ledger.get(c.itemId()).open()));
        }
        ReceiptEvent outcome;
        String reason;
        if (owed.compareTo(c.amount()) == 0) {
            outcome = ReceiptEvent.ALLOCATE_FULLY;
            reason = RULE;
        } else {
            outcome = owed.isPositive() ? ReceiptEvent.ALLOCATE_PARTLY : ReceiptEvent.LEAVE_UNMATCHED;
            reason = "direct debit " + c.endToEndId() + " collected " + c.amount() + " but only " + owed
                    + " was still open on " + c.itemNumber() + "; refund or allocate the rest";
            events.append(new DirectDebitEvent.CollectedMoreThanOpen(receipt.get(), reason));
        }
        receipts.settle(receipt.get(), outcome, reason);
        return Optional.of(report(c, ReceiptLifecycle.TABLE.target(outcome).name()));
    }

    private static DirectDebitReports.Settled report(StoredCollection c, String outcome) {
        return new DirectDebitReports.Settled(c.endToEndId(), c.itemNumber(), c.amount().toString(), outcome);
    }
}
