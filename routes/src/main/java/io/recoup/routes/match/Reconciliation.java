package io.recoup.routes.match;

import io.recoup.core.RecoupException;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.event.RecoupEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.matching.Allocation;
import io.recoup.core.matching.MatchCandidates;
import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.matching.StatementMatcher;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.Leases;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.MatchingReads;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.receipt.ReceiptRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Stage 5, match: runs the statement matcher of connector-core over every new receipt at once (the most certain
 * evidence first across all of them; a run over a few receipts reads only the items they can reach), then records the
 * outcomes a chunk of receipts per transaction, in a few round trips each. An allocation lowers the item's open amount
 * and queues a posting; anything not allocated stays on the receipt, in the exceptions queue, with the reason and the
 * candidates. One instance matches at a time, under the matching lease, in one transaction with a savepoint per chunk.
 * When a chunk cannot be recorded (the ledger moved under us: a person, a webhook's payment), its receipts are recorded
 * one by one, and a receipt that fails alone stays NEW and is matched again next run; the others go on.
 */
public final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    /** Receipts recorded per transaction. */
    static final int CHUNK = 500;
    /**
     * Up to this many receipts, a run reads only the items they can reach; more reach most of a ledger, and reading
     * every open item at once is then the faster way. Both give the same results.
     */
    static final int CANDIDATES_UP_TO = 5_000;
    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final Leases leases;
    private final MatchingReads reads;
    private final int candidatesUpTo;

    public Reconciliation(Database db, ReceiptRepository receipts, LedgerRepository ledger, EventLog events) {
        this(db, receipts, ledger, events, CANDIDATES_UP_TO);
    }

    /** With another bound for reading only the receipts' candidates (0: every run reads every open item). */
    public Reconciliation(Database db, ReceiptRepository receipts, LedgerRepository ledger, EventLog events, int candidatesUpTo) {
        this.candidatesUpTo = candidatesUpTo;
        this.db = db;
        this.receipts = receipts;
        this.ledger = ledger;
        this.events = events;
        this.leases = new Leases(db);
        this.reads = new MatchingReads(db);
    }

    /**
     * Matches every NEW receipt, under the matching lease: matching weighs all new receipts against all open items at
     * once, so two instances matching side by side would allocate the same receipts twice (or one item's balance
     * twice); an instance that finds another matching skips the run, and the receipts wait for the next.
     */
    public MatchReport matchNewReceipts() {
        return db.inTransaction(() -> leases.tryTake(Leases.Work.MATCHING) ? matchUnderLease() : MatchReport.skippedRun());
    }

    private MatchReport matchUnderLease() {
        List<ReceiptToMatch> waiting = receipts.toMatch();
        if (waiting.isEmpty()) {
            return new MatchReport(List.of());
        }
        long start = System.nanoTime();
        Map<String, Set<String>> payerIbans = ledger.payerIbans();
        List<MatchableItem> open;
        Payers payers;
        if (waiting.size() <= candidatesUpTo) {
            List<MatchingReads.OpenCustomer> customers = reads.customersWithOpenItems();
            payers = Payers.ofCustomers(customers.stream().collect(Collectors.toMap(MatchingReads.OpenCustomer::key,
                    MatchingReads.OpenCustomer::name)), payerIbans);
            open = candidates(MatchCandidates.of(waiting, payers), customers);
        } else {
            open = reads.openItems();
            payers = new Payers(open, payerIbans, Map.of());
        }
        long loaded = System.nanoTime();
        List<MatchResult> outcomes = new StatementMatcher(open, payers).matchAll(waiting);
        long decided = System.nanoTime();
        List<MatchReport.Matched> results = new ArrayList<>();
        for (int from = 0; from < waiting.size(); from += CHUNK) {
            int to = Math.min(waiting.size(), from + CHUNK);
            results.addAll(settleChunk(waiting.subList(from, to), outcomes.subList(from, to)));
        }
        MatchReport report = new MatchReport(results);
        LOG.info("matched {} receipt(s): {} matched, {} partly allocated, {} unmatched (reading {} open items {} ms, matching {} ms,"
                + " recording {} ms)", results.size(), report.count("MATCHED"), report.count("PARTLY_ALLOCATED"),
                report.count("UNMATCHED"), open.size(), (loaded - start) / 1_000_000, (decided - loaded) / 1_000_000,
                (System.nanoTime() - decided) / 1_000_000);
        return report;
    }

    /**
     * Only the items the matcher can look up for these receipts ({@link MatchCandidates}): those their texts may name by
     * number (every open item's number is read, nothing else of it), their RF references name, or their payers own.
     */
    private List<MatchableItem> candidates(MatchCandidates wanted, List<MatchingReads.OpenCustomer> customers) {
        Set<String> payers = wanted.customers();
        List<Long> byCustomer = customers.stream().filter(c -> payers.contains(c.key()))
                .map(MatchingReads.OpenCustomer::id).toList();
        return reads.openItems(reads.openItemsNumbered(wanted::mayName), wanted.references(), byCustomer);
    }

    /**
     * Records a chunk behind a savepoint; when it cannot be recorded (the ledger moved under us: a person, a payment
     * applied by a webhook), its receipts are recorded one by one, and a receipt that fails alone stays NEW.
     */
    private List<MatchReport.Matched> settleChunk(List<ReceiptToMatch> chunk, List<MatchResult> chunkOutcomes) {
        try {
            return db.underSavepoint(() -> settle(chunk, chunkOutcomes));
        } catch (RecoupException | DataAccessException | IllegalStateException e) {
            if (Database.isPassing(e)) {
                throw e;
            }
            LOG.info("receipts {} to {} are recorded one by one: {}", chunk.get(0).receiptId(),
                    chunk.get(chunk.size() - 1).receiptId(), e.getMessage());
            List<MatchReport.Matched> results = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                ReceiptToMatch receipt = chunk.get(i);
                MatchResult outcome = chunkOutcomes.get(i);
                try {
                    results.addAll(db.underSavepoint(() -> settle(List.of(receipt), List.of(outcome))));
                } catch (RecoupException | DataAccessException | IllegalStateException alone) {
                    if (Database.isPassing(alone)) {
                        throw alone;
                    }
                    LOG.warn("receipt {} was not settled and is matched again next run: {}", receipt.receiptId(),
                            alone.getMessage());
                }
            }
            return results;
        }
    }

    /** Records the outcomes of the receipts: allocations, postings, the items' open amounts, the receipts' states, events. */
    private List<MatchReport.Matched> settle(List<ReceiptToMatch> chunk, List<MatchResult> outcomes) {
        List<ReceiptRepository.Settlement> settlements = new ArrayList<>(chunk.size());
        List<LedgerRepository.ItemAllocation> toItems = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            ReceiptId id = new ReceiptId(chunk.get(i).receiptId());
            MatchResult result = outcomes.get(i);
            List<Allocation> allocations = allocations(result);
            List<ReceiptRepository.NewAllocation> recorded = new ArrayList<>(allocations.size());
            for (Allocation a : allocations) {
                recorded.add(new ReceiptRepository.NewAllocation(a.itemId(), a.amount(), a.rule() + ": " + a.evidence()));
                toItems.add(new LedgerRepository.ItemAllocation(a.itemId(), a.amount()));
            }
            settlements.add(new ReceiptRepository.Settlement(id, eventOf(result), reasonOf(result), recorded));
        }
        List<AllocationId> allocationIds = receipts.settleAll(settlements);
        List<StoredItem> items = ledger.applyAllocations(toItems);
        List<RecoupEvent> logged = new ArrayList<>();
        List<MatchReport.Matched> results = new ArrayList<>(chunk.size());
        int next = 0;
        for (int i = 0; i < chunk.size(); i++) {
            ReceiptToMatch receipt = chunk.get(i);
            ReceiptRepository.Settlement settlement = settlements.get(i);
            List<String> numbers = new ArrayList<>();
            for (ReceiptRepository.NewAllocation a : settlement.allocations()) {
                StoredItem item = items.get(next);
                logged.add(new MatcherEvent.Allocated(item.key(), a.amount(), allocationIds.get(next), a.why(), item.open()));
                numbers.add(item.number());
                next++;
            }
            String status = switch (settlement.event()) {
                case ALLOCATE_FULLY -> "MATCHED";
                case ALLOCATE_PARTLY -> "PARTLY_ALLOCATED";
                default -> "UNMATCHED";
            };
            if (numbers.isEmpty()) {
                logged.add(new MatcherEvent.Unmatched(settlement.receipt(), settlement.reason()));
            }
            results.add(new MatchReport.Matched(receipt.receiptId(), receipt.amount().toString(), status,
                    numbers.isEmpty() ? null : String.join(",", numbers), settlement.reason()));
        }
        events.appendAll(logged);
        return results;
    }

    private static List<Allocation> allocations(MatchResult result) {
        if (result instanceof MatchResult.Matched m) {
            return m.allocations();
        }
        if (result instanceof MatchResult.Partial p) {
            return p.allocations();
        }
        return List.of();
    }

    private static ReceiptEvent eventOf(MatchResult result) {
        if (result instanceof MatchResult.Matched) {
            return ReceiptEvent.ALLOCATE_FULLY;
        }
        return result instanceof MatchResult.Partial ? ReceiptEvent.ALLOCATE_PARTLY : ReceiptEvent.LEAVE_UNMATCHED;
    }

    /** The reason kept on the receipt: the rules that allocated it, or why (not all of) it was allocated, with candidates. */
    private static String reasonOf(MatchResult result) {
        if (result instanceof MatchResult.Matched m) {
            return m.allocations().stream().map(Allocation::rule).distinct().collect(Collectors.joining(", "));
        }
        if (result instanceof MatchResult.Partial p) {
            return p.reason();
        }
        MatchResult.Unmatched u = (MatchResult.Unmatched) result;
        return u.candidates().isEmpty() ? u.reason() : u.reason() + "; candidates: " + String.join(", ", u.candidates());
    }
}
