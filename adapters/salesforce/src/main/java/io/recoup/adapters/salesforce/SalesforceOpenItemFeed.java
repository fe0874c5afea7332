package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.ChangeNotifications;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open invoices of one Salesforce org by SOQL. A full sync asks for every record in an open status with a balance;
 * an incremental one asks {@code queryAll} for every record whose modstamp is at or after the given time, so records
 * paid, cancelled or deleted since come back and are reported closed. Pages follow {@code nextRecordsUrl} until
 * {@code done}, each handed over before the next is asked for. The watermark is the latest modstamp seen, but never
 * later than the moment the sync began.
 *
 * <p>With Change Data Capture on, the object's change events ask for this sync between the scheduled ones
 * ({@link ChangeEventSubscriber}); the query stays the whole truth, so a missed event costs only latency.
 */
final class SalesforceOpenItemFeed implements OpenItemFeed, ChangeNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceOpenItemFeed.class);

    private final SalesforceConfig config;
    private final SalesforceClient client;
    private final InvoiceReader reader;
    private final Clock clock;

    SalesforceOpenItemFeed(SalesforceConfig config, SalesforceClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.reader = new InvoiceReader(config);
    }

    @Override
    public String sourceName() {
        return config.source();
    }

    @Override
    public Subscription subscribe(ReplayStore replays, Runnable changed) {
        return new ChangeEventSubscriber(config, client.tokens(), replays, changed, clock).start();
    }

    @Override
    public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages) {
        int requestsBefore = client.requests();
        Instant started = clock.instant();
        String soql = request.changedSince().map(since -> Soql.changedSince(config.mapping(), since))
                .orElseGet(() -> Soql.open(config.mapping()));
        SyncProgress progress = new SyncProgress();
        try {
            client.eachPage(soql, !request.isFull(), response -> {
                progress.pages++;
                PageResult result = page(response, progress.pages);
                progress.read += result.page.batch().rowsRead() + result.page.closed().size();
                progress.watermark = later(progress.watermark, result.latest);
                pages.accept(result.page);
            });
        } catch (SalesforceFault fault) {
            throw new FeedUnavailable(config.source(), "sync stopped after " + progress.pages + " pages: "
                    + fault.getMessage(), fault);
        }
        int requests = client.requests() - requestsBefore;
        LOG.info("{}: {} sync read {} records of {} in {} pages, {} requests", config.source(),
                request.isFull() ? "full" : "incremental", progress.read, config.mapping().object(), progress.pages, requests);
        // a record changed while the pages were read may carry a modstamp below the latest one seen: never let the
        // watermark pass the moment the sync began, so the next sync asks for it again
        Optional<Instant> watermark = progress.watermark.map(latest -> latest.isAfter(started) ? started : latest);
        return new FeedSyncResult(watermark, progress.pages, requests);
    }

    /** What a sync has got through so far, updated page by page. */
    private static final class SyncProgress {
        int pages;
        int read;
        Optional<Instant> watermark = Optional.empty();
    }

    private record PageResult(FeedPage page, Optional<Instant> latest) {}

    private PageResult page(JsonNode response, int number) {
        String origin = config.source() + " " + config.mapping().object() + " page " + number;
        List<LedgerBatch.Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<FeedPage.Closed> closed = new ArrayList<>();
        Set<OpenItemKey> seen = new HashSet<>();
        Optional<Instant> latest = Optional.empty();
        int unnamed = 0;
        int line = 0;
        for (JsonNode record : response.path("records")) {
            line++;
            latest = later(latest, reader.modstamp(record));
            String raw = record.toString();
            InvoiceReader.Outcome outcome = reader.read(record);
            if (outcome instanceof InvoiceReader.Open open) {
                rows.add(new LedgerBatch.Row(line, raw, open.record()));
                seen.add(open.record().item().key());
            } else if (outcome instanceof InvoiceReader.Closed gone) {
                closed.add(new FeedPage.Closed(gone.key(), gone.reason()));
                seen.add(gone.key());
            } else if (outcome instanceof InvoiceReader.Refused refused) {
                rejections.add(new Rejection(origin, line, refused.field(), refused.reason(), raw));
                refused.key().ifPresent(seen::add);
                unnamed += refused.key().isEmpty() ? 1 : 0;
            }
        }
        // a closed record is read and accounted for, though it is neither loaded nor refused
        LedgerBatch batch = new LedgerBatch(origin, rows.size() + rejections.size(), rows, rejections, List.of());
        if (!rejections.isEmpty()) {
            LOG.warn("{}: {} of {} records refused", origin, rejections.size(), line);
        }
        return new PageResult(new FeedPage(batch, closed, seen, unnamed), latest);
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }
}
