package io.recoup.routes.match;

import io.recoup.core.event.MatcherEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.PaymentMatcher;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.ReceiptRepository;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 5, match: runs the matcher over every new receipt, one transaction per receipt. A match allocates the money,
 * lowers the item's open amount and queues a posting; anything not allocated stays on the receipt, in the exceptions
 * queue, with the reason.
 */
public final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final EventLog events;

    public Reconciliation(Database db, ReceiptRepository receipts, LedgerRepository ledger, EventLog events) {
        this.db = db;
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
    }

    public MatchReport matchNewReceipts() {
        List<MatchReport.Matched> results = new ArrayList<>();
        // one read of the open items per run; each committed allocation is fed back into the matcher
        PaymentMatcher matcher = new PaymentMatcher(ledger.openBalances());
        for (ReceiptToMatch receipt : receipts.toMatch()) {
            List<StoredItem> changed = new ArrayList<>();
            results.add(db.inTransaction(() -> settle(receipt, matcher.match(receipt), changed)));
            changed.forEach(i -> matcher.update(new MatchableItem(i.id(), i.number(), i.creditorReference(), i.open())));
        }
        MatchReport report = new MatchReport(results);
        if (!results.isEmpty()) {
            LOG.info("matched {} receipt(s): {} matched, {} partly allocated, {} unmatched", results.size(), report.count("MATCHED"),
                    report.count("PARTLY_ALLOCATED"), report.count("UNMATCHED"));
        }
        return report;
    }

    private MatchReport.Matched settle(ReceiptToMatch receipt, MatchResult result, List<StoredItem> changed) {
        if (result instanceof MatchResult.Matched m) {
            StoredItem item = allocate(receipt, m.itemId(), m.allocated(), m.rule());
            changed.add(item);
            receipts.settle(new ReceiptId(receipt.receiptId()), ReceiptEvent.ALLOCATE_FULLY, m.rule());
            return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "MATCHED", item.number(), m.rule());
        }
        if (result instanceof MatchResult.Partial p) {
            StoredItem item = allocate(receipt, p.itemId(), p.allocated(), p.rule());
            changed.add(item);
            receipts.settle(new ReceiptId(receipt.receiptId()), ReceiptEvent.ALLOCATE_PARTLY, p.reason());
            return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "PARTLY_ALLOCATED", item.number(), p.reason());
        }
        MatchResult.Unmatched u = (MatchResult.Unmatched) result;
        receipts.settle(new ReceiptId(receipt.receiptId()), ReceiptEvent.LEAVE_UNMATCHED, u.reason());
        events.append(new MatcherEvent.Unmatched(new ReceiptId(receipt.receiptId()), u.reason()));
        return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "UNMATCHED", null, u.reason());
    }

    private StoredItem allocate(ReceiptToMatch receipt, long itemId, io.recoup.core.money.Money amount, String rule) {
        AllocationId allocationId = receipts.allocate(new ReceiptId(receipt.receiptId()), itemId, amount, rule);
        ledger.applyAllocation(itemId, amount);
        StoredItem item = ledger.get(itemId);
        events.append(new MatcherEvent.Allocated(item.key(), amount, allocationId, rule, item.open()));
        return item;
    }
}
