package io.recoup.routes.postback;

import io.recoup.core.event.PostBackEvent;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.Leases;
import io.recoup.store.receipt.PendingPosting;
import io.recoup.store.receipt.ReceiptRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 6, post back: applies pending allocations in the source ledger each item came from, exactly once. Under the
 * outbox lock it first asks that ledger which document numbers it already holds (a post whose outcome was unclear
 * last time), posts only the rest, and marks all of them posted in the same transaction. One source at a time, so a
 * ledger that is down leaves its postings pending (the error goes to the route) while the others' are posted. One
 * instance posts at a time, under the post-back lease: an instance that crashed between writing to the ledger and
 * committing has its batch taken over only by one that first reads the same ledger, never by two at once.
 */
public final class LedgerPostBack {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerPostBack.class);
    static final int BATCH = 500;

    private final Database db;
    private final ReceiptRepository receipts;
    private final Map<String, LedgerPoster> posters;
    private final EventLog events;
    private final Leases leases;

    /** {@code posters}: each source's poster by its name (the CSV ledger's, and one per source read over an API). */
    public LedgerPostBack(Database db, ReceiptRepository receipts, Map<String, LedgerPoster> posters, EventLog events) {
        this.db = db;
        this.receipts = receipts;
        this.posters = Map.copyOf(posters);
        this.events = events;
        this.leases = new Leases(db);
    }

    /**
     * Posts pending allocations in batches, source by source, until none is left; returns one report per batch. A
     * source whose ledger fails stops the run with its error; postings of items whose source has no poster stay pending.
     */
    public List<PostReport> postPending() {
        List<PostReport> batches = new java.util.ArrayList<>();
        for (Map.Entry<String, LedgerPoster> source : new java.util.TreeMap<>(posters).entrySet()) {
            for (PostReport batch = postBatch(source.getKey(), source.getValue()); batch.batch() != null;
                    batch = postBatch(source.getKey(), source.getValue())) {
                batches.add(batch);
            }
        }
        return batches;
    }

    private PostReport postBatch(String source, LedgerPoster poster) {
        return db.inTransaction(() -> {
            if (!leases.tryTake(Leases.Work.POST_BACK)) {
                LOG.info("post-back skipped: another instance is posting");
                return new PostReport(null, List.of(), List.of());
            }
            List<PendingPosting> pending = receipts.claimPendingPostings(BATCH, Set.of(source));
            if (pending.isEmpty()) {
                return new PostReport(null, List.of(), List.of());
            }
            Set<String> known = poster.alreadyPosted(pending.stream().map(PendingPosting::documentNumber).collect(Collectors.toSet()));
            List<PendingPosting> toPost = pending.stream().filter(p -> !known.contains(p.documentNumber())).toList();
            String batch = toPost.isEmpty() ? "already in ledger" : poster.post(toPost.stream().map(LedgerPostBack::posting).toList());
            LOG.info("posted {} allocation(s) to {} as {}, {} already in the ledger", toPost.size(), source, batch, known.size());
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
