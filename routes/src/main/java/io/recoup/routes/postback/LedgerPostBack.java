package io.recoup.routes.postback;

import io.recoup.core.event.PostBackEvent;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.receipt.PendingPosting;
import io.recoup.store.receipt.ReceiptRepository;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 6, post back: applies pending allocations in the source ledger exactly once. Under the outbox lock it first
 * asks the ledger which document numbers it already holds (a post whose outcome was unclear last time), posts only
 * the rest, and marks all of them posted in the same transaction.
 */
public final class LedgerPostBack {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerPostBack.class);
    static final int BATCH = 500;

    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerPoster poster;
    private final EventLog events;

    public LedgerPostBack(Database db, ReceiptRepository receipts, LedgerPoster poster, EventLog events) {
        this.db = db;
        this.receipts = receipts;
        this.poster = poster;
        this.events = events;
    }

    /** Posts pending allocations in batches until none is left; returns one report per batch. */
    public List<PostReport> postPending() {
        List<PostReport> batches = new java.util.ArrayList<>();
        for (PostReport batch = postBatch(); batch.batch() != null; batch = postBatch()) {
            batches.add(batch);
        }
        return batches;
    }

    private PostReport postBatch() {
        return db.inTransaction(() -> {
            List<PendingPosting> pending = receipts.claimPendingPostings(BATCH);
            if (pending.isEmpty()) {
                return new PostReport(null, List.of(), List.of());
            }
            Set<String> known = poster.alreadyPosted(pending.stream().map(PendingPosting::documentNumber).collect(Collectors.toSet()));
            List<PendingPosting> toPost = pending.stream().filter(p -> !known.contains(p.documentNumber())).toList();
            String batch = toPost.isEmpty() ? "already in ledger" : poster.post(toPost.stream().map(LedgerPostBack::posting).toList());
            LOG.info("posted {} allocation(s) as {}, {} already in the ledger", toPost.size(), batch, known.size());
            for (PendingPosting p : pending) {
                receipts.markPosted(p.postingId(), known.contains(p.documentNumber()) ? "already in ledger" : batch);
                events.append(new PostBackEvent.Posted(p.allocationId(), p.documentNumber(), batch));
            }
            return new PostReport(batch, toPost.stream().map(PendingPosting::documentNumber).toList(), List.copyOf(known));
        });
    }

    private static LedgerPosting posting(PendingPosting p) {
        return new LedgerPosting(p.documentNumber(), p.item(), p.invoiceNumber(), p.amount(), p.paymentDate(), p.reference());
    }
}
