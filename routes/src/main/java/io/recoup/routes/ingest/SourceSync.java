package io.recoup.routes.ingest;

import io.recoup.core.event.IngestEvent;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerPages;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.SourceSyncs;
import io.recoup.store.ledger.WrittenCustomers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, ingest, for a source ledger read over an API: asks the source's feed for what changed since the stored
 * watermark (less an overlap window against clock skew), or for everything when no full sync ran within
 * {@code fullEvery}, and stores each page in its own transaction, in order, while the next is read ({@link PageWriter},
 * {@link PageLoader}: set-based, a refused record rejected alone). Items the source reports closed are closed; after a full sync, the source's items it
 * no longer listed are closed too, unless a record of some page could not be named. The watermark moves only when the
 * sync read to its end; a sync that stopped keeps what it stored and says why.
 */
public final class SourceSync {
    private static final Logger LOG = LoggerFactory.getLogger(SourceSync.class);
    private static final String STAGE = "ingest";

    private final OpenItemFeed feed;
    private final Database db;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final SourceSyncs standings;
    private final PageLoader loader;
    private final LedgerPages pages;
    private final Clock clock;
    private final Duration overlap;
    private final Duration fullEvery;
    private final List<Consumer<SyncReport>> observers = new CopyOnWriteArrayList<>();

    public SourceSync(OpenItemFeed feed, Database db, LedgerRepository ledger, EventLog events, Clock clock, Duration overlap,
                      Duration fullEvery) {
        this.feed = feed;
        this.db = db;
        this.ledger = ledger;
        this.events = events;
        this.standings = new SourceSyncs(db);
        this.loader = new PageLoader(db, ledger, events);
        this.pages = new LedgerPages(db);
        this.clock = clock;
        this.overlap = overlap;
        this.fullEvery = fullEvery;
    }

    /** Hands every sync's report to {@code observer} too (metrics), after it is logged. */
    public void observe(Consumer<SyncReport> observer) {
        observers.add(observer);
    }

    public String source() {
        return feed.sourceName();
    }

    /** Syncs once: incremental when a watermark and a recent enough full sync exist, else full. */
    public synchronized SyncReport sync() {
        SourceSyncs.Standing standing = standings.standing(source());
        Instant now = clock.instant();
        boolean full = standing.watermark().isEmpty() || standing.lastFullSync().isEmpty()
                || !standing.lastFullSync().get().plus(fullEvery).isAfter(now);
        return sync(full ? FeedSyncRequest.full() : FeedSyncRequest.changedSince(standing.watermark().get().minus(overlap)));
    }

    /**
     * Syncs once as asked (a full sync on demand, or from a given time). One sync of a source at a time: its schedule
     * and its change notifications ({@link ChangeTriggers}) may ask at once, and the second then reads after the first.
     */
    public synchronized SyncReport sync(FeedSyncRequest request) {
        Tally tally = new Tally(request.isFull());
        String failure = null;
        try {
            WrittenCustomers written = new WrittenCustomers();
            PageWriter writer = new PageWriter(source(), page -> db.inTransaction(() -> store(page, tally, written)), 2);
            FeedSyncResult result;
            try {
                result = feed.sync(request, writer);
            } finally {
                writer.finish();
            }
            if (request.isFull()) {
                closeAbsent(tally);
            }
            SyncReport report = tally.report(source(), null);
            db.inTransaction(() -> standings.succeeded(source(), result.watermark(), request.isFull(), report.accounting()));
            log(report);
            return report;
        } catch (FeedUnavailable e) {
            failure = e.getMessage();
        }
        SyncReport report = tally.report(source(), failure);
        db.inTransaction(() -> standings.failed(source(), report.accounting()));
        log(report);
        return report;
    }

    private void store(FeedPage page, Tally tally, WrittenCustomers written) {
        PageLoader.Loaded loaded = loader.load(page.batch(), written);
        page.batch().rejections().forEach(r -> ledger.quarantine(STAGE, r));
        loaded.refused().forEach(r -> ledger.quarantine(STAGE, r));
        Map<OpenItemKey, String> reasons = new HashMap<>();
        page.closed().forEach(c -> reasons.put(c.key(), c.reason()));
        List<OpenItemKey> closed = pages.close(reasons);
        events.appendAll(closed.stream().map(k -> new IngestEvent.ItemClosed(k, reasons.get(k))).toList());
        tally.add(page, loaded, closed.size());
    }

    private void closeAbsent(Tally tally) {
        if (tally.unnamed > 0) {
            LOG.warn("{}: {} record(s) could not be named, so items the full sync did not list were not closed this time",
                    source(), tally.unnamed);
            return;
        }
        db.inTransaction(() -> {
            Map<OpenItemKey, String> gone = new HashMap<>();
            for (OpenItemKey key : pages.openKeys(source())) {
                if (!tally.seen.contains(key)) {
                    gone.put(key, "no longer listed open by " + source());
                }
            }
            List<OpenItemKey> closed = pages.close(gone);
            events.appendAll(closed.stream().map(k -> new IngestEvent.ItemClosed(k, gone.get(k))).toList());
            tally.closed += closed.size();
        });
    }

    private void log(SyncReport report) {
        if (report.failed() || report.rejected() > 0) {
            LOG.warn("synced {}", report.accounting());
        } else {
            LOG.info("synced {}", report.accounting());
        }
        observers.forEach(o -> o.accept(report));
    }

    /** Counts over the pages of one sync, and the keys a full sync saw. */
    private static final class Tally {
        final boolean full;
        final Set<OpenItemKey> seen = new HashSet<>();
        int pages;
        int read;
        int inserted;
        int updated;
        int unchanged;
        int rejected;
        int closed;
        int unnamed;

        Tally(boolean full) {
            this.full = full;
        }

        void add(FeedPage page, PageLoader.Loaded loaded, int closedNow) {
            pages++;
            read += page.batch().rowsRead();
            inserted += loaded.inserted();
            updated += loaded.updated();
            unchanged += loaded.unchanged();
            rejected += page.batch().rejectedRows() + loaded.refused().size();
            closed += closedNow;
            unnamed += page.unnamed();
            if (full) {
                seen.addAll(page.seen());
            }
        }

        SyncReport report(String source, String failure) {
            return new SyncReport(source, full, pages, read, inserted, updated, unchanged, rejected, closed, failure);
        }
    }
}
