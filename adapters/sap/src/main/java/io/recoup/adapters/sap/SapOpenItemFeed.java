package io.recoup.adapters.sap;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemFeed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads open customer items from SAP S/4HANA's {@code API_OPLACCTGDOCITEMCUBE_SRV}. A full sync reads every open
 * customer item of the configured company codes; an incremental one reads the items changed or created since the
 * watermark (open ones as rows, cleared ones as closed) and then the items cleared since then, because clearing an
 * invoice need not touch its change date. Each page is handed over before the next is asked for; the watermark is
 * the latest change, creation or clearing date SAP reported (SAP keeps dates, not times, so the next sync re-reads
 * that day, which the store takes as no change).
 */
final class SapOpenItemFeed implements OpenItemFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SapOpenItemFeed.class);
    private static final List<String> CHANGE_DATES = List.of("LastChangeDate", "AccountingDocumentCreationDate",
            "ClearingDate", "ClearingCreationDate");

    private final SapSettings settings;
    private final SapHttp http;
    private final CubeQuery query;
    private final ItemMapper mapper;

    SapOpenItemFeed(SapSettings settings, SapHttp http, CubeQuery query) {
        this.settings = settings;
        this.http = http;
        this.query = query;
        this.mapper = new ItemMapper(settings);
    }

    @Override
    public String sourceName() {
        return settings.source();
    }

    @Override
    public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages) {
        int requestsBefore = http.requests();
        Progress progress = new Progress();
        try {
            if (request.isFull()) {
                read("open", query.open(), progress, pages);
            } else {
                LocalDate since = LocalDate.ofInstant(request.changedSince().orElseThrow(), ZoneOffset.UTC);
                read("changed", query.changed(since), progress, pages);
                read("cleared", query.cleared(since), progress, pages);
            }
        } catch (SapHttpException e) {
            throw new FeedUnavailable(settings.source(), "stopped after " + progress.pages + " page(s): " + e.getMessage(), e);
        }
        LOG.info("source {}: {} sync read {} page(s), {} item(s), {} closed, {} refused",
                settings.source(), request.isFull() ? "full" : "incremental", progress.pages, progress.rows,
                progress.closed, progress.refused);
        return new FeedSyncResult(progress.watermark.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                progress.pages, http.requests() - requestsBefore);
    }

    private void read(String what, String filter, Progress progress, Consumer<FeedPage> pages) {
        List<String> after = List.of();
        while (true) {
            JsonNode answer = http.getJson(query.page(filter, after, settings.pageSize()));
            JsonNode results = answer.isArray() ? answer : answer.path("results");
            if (results.isEmpty()) {
                return;
            }
            String origin = settings.source() + " " + CubeQuery.ENTITY_SET + " " + what + " page " + (progress.pages + 1);
            pages.accept(page(origin, results, progress));
            after = lastKey(results).orElseThrow(() -> new SapHttpException(origin
                    + ": no record of the page has a whole key, so the next page cannot be asked for", false, 200,
                    Optional.empty(), null));
            boolean more = results.size() >= settings.pageSize() || answer.hasNonNull("__next");
            if (!more) {
                return;
            }
        }
    }

    private FeedPage page(String origin, JsonNode results, Progress progress) {
        List<LedgerBatch.Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<FeedPage.Closed> closed = new ArrayList<>();
        Set<OpenItemKey> seen = new HashSet<>();
        int unnamed = 0;
        long line = 0;
        for (JsonNode json : results) {
            line++;
            CubeRecord row = new CubeRecord(json);
            progress.noteDates(row);
            ItemMapper.Mapped mapped = mapper.map(row);
            mapped.key().ifPresent(seen::add);
            if (mapped instanceof ItemMapper.Open open) {
                rows.add(new LedgerBatch.Row(line, row.toString(), open.record()));
            } else if (mapped instanceof ItemMapper.Cleared c) {
                closed.add(new FeedPage.Closed(c.item(), c.reason()));
            } else if (mapped instanceof ItemMapper.Refused r) {
                rejections.add(new Rejection(origin, line, r.field(), r.key().map(k -> "item " + k.externalId() + ": ")
                        .orElse("") + r.reason(), row.toString()));
                unnamed += r.key().isEmpty() ? 1 : 0;
            }
        }
        progress.add(rows.size(), closed.size(), rejections.size());
        LedgerBatch batch = new LedgerBatch(origin, rows.size() + rejections.size(), rows, rejections, List.of());
        return new FeedPage(batch, closed, seen, unnamed);
    }

    private static Optional<List<String>> lastKey(JsonNode results) {
        for (int i = results.size() - 1; i >= 0; i--) {
            Optional<List<String>> key = new CubeRecord(results.get(i)).key();
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    /** What a sync has read so far. */
    private static final class Progress {
        int pages;
        int rows;
        int closed;
        int refused;
        Optional<LocalDate> watermark = Optional.empty();

        void add(int newRows, int newClosed, int newRefused) {
            pages++;
            rows += newRows;
            closed += newClosed;
            refused += newRefused;
        }

        void noteDates(CubeRecord row) {
            for (String field : CHANGE_DATES) {
                try {
                    row.date(field).filter(d -> watermark.isEmpty() || d.isAfter(watermark.get()))
                            .ifPresent(d -> watermark = Optional.of(d));
                } catch (IllegalArgumentException e) {
                    LOG.debug("{} is not a date, left out of the watermark", field);
                }
            }
        }
    }
}
