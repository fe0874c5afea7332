package io.recoup.routes.match;

import io.recoup.core.RecoupException;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.matching.Allocation;
import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.matching.StatementMatcher;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.ReceiptRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Stage 5, match: runs the statement matcher of connector-core over every new receipt at once (the most certain
 * evidence first across all of them), then records each receipt's outcome in its own transaction. An allocation
 * lowers the item's open amount and queues a posting; anything not allocated stays on the receipt, in the exceptions
 * queue, with the reason and the candidates. A receipt whose transaction fails stays NEW and is matched again next run.
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
        List<ReceiptToMatch> waiting = receipts.toMatch();
        if (waiting.isEmpty()) {
            return new MatchReport(List.of());
        }
        List<MatchableItem> open = ledger.openBalances();
        StatementMatcher matcher = new StatementMatcher(open, new Payers(open, ledger.payerIbans(), Map.of()));
        List<MatchResult> outcomes = matcher.matchAll(waiting);
        List<MatchReport.Matched> results = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            ReceiptToMatch receipt = waiting.get(i);
            MatchResult outcome = outcomes.get(i);
            try {
                results.add(db.inTransaction(() -> settle(receipt, outcome)));
            } catch (RecoupException | DataAccessException e) {
                // the ledger moved under us (another instance, a person): the receipt stays NEW for the next run
                LOG.warn("receipt {} was not settled and is matched again next run: {}", receipt.receiptId(), e.getMessage());
            }
        }
        MatchReport report = new MatchReport(results);
        LOG.info("matched {} receipt(s): {} matched, {} partly allocated, {} unmatched", results.size(), report.count("MATCHED"),
                report.count("PARTLY_ALLOCATED"), report.count("UNMATCHED"));
        return report;
    }

    private MatchReport.Matched settle(ReceiptToMatch receipt, MatchResult result) {
        ReceiptId id = new ReceiptId(receipt.receiptId());
        if (result instanceof MatchResult.Matched m) {
            String numbers = allocate(id, m.allocations());
            String rule = rules(m.allocations());
            receipts.settle(id, ReceiptEvent.ALLOCATE_FULLY, rule);
            return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "MATCHED", numbers, rule);
        }
        if (result instanceof MatchResult.Partial p) {
            String numbers = allocate(id, p.allocations());
            receipts.settle(id, ReceiptEvent.ALLOCATE_PARTLY, p.reason());
            return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "PARTLY_ALLOCATED", numbers, p.reason());
        }
        MatchResult.Unmatched u = (MatchResult.Unmatched) result;
        String reason = u.candidates().isEmpty() ? u.reason() : u.reason() + "; candidates: " + String.join(", ", u.candidates());
        receipts.settle(id, ReceiptEvent.LEAVE_UNMATCHED, reason);
        events.append(new MatcherEvent.Unmatched(id, reason));
        return new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), "UNMATCHED", null, reason);
    }

    /** Records each allocation with its rule and evidence; returns the invoice numbers allocated to. */
    private String allocate(ReceiptId receipt, List<Allocation> allocations) {
        List<String> numbers = new ArrayList<>();
        for (Allocation a : allocations) {
            String why = a.rule() + ": " + a.evidence();
            AllocationId allocationId = receipts.allocate(receipt, a.itemId(), a.amount(), why);
            ledger.applyAllocation(a.itemId(), a.amount());
            StoredItem item = ledger.get(a.itemId());
            events.append(new MatcherEvent.Allocated(item.key(), a.amount(), allocationId, why, item.open()));
            numbers.add(item.number());
        }
        return String.join(",", numbers);
    }

    private static String rules(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::rule).distinct().collect(Collectors.joining(", "));
    }
}
