package io.recoup.routes.ingest;

import io.recoup.core.event.IngestEvent;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.FileRefused;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemSource;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerPages;
import io.recoup.store.ledger.LedgerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, ingest: reads a ledger export and loads it in one transaction, so a file is either fully accounted for
 * (loaded + rejected = rows read, stated in the log and the {@code .rejected} report) or not loaded at all and, by
 * the route, moved to {@code .failed} with the reason. Good records are upserted by (source, external id) a chunk at a
 * time ({@link PageLoader}), so a record the database refuses (an amount beyond what it stores) is rejected alone; bad
 * ones are quarantined and listed in the report for the person who dropped the file. A full export closes the items
 * it no longer lists (paid, cancelled or deleted in the ledger), unless some row was rejected. A file refused as a
 * whole is quarantined with its reason before the refusal goes back to the route.
 */
public final class LedgerIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerIngestion.class);
    private static final String STAGE = "ingest";

    private final OpenItemSource source;
    private final Database db;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final Path rejectedFolder;
    private final boolean fullExport;
    private final PageLoader loader;
    private final LedgerPages pages;

    /**
     * {@code fullExport}: each export lists every open item of the source, so an item a complete export (no row
     * rejected) does not list is closed; otherwise an export only adds and changes items.
     */
    public LedgerIngestion(OpenItemSource source, Database db, LedgerRepository ledger, EventLog events, Path rejectedFolder,
                           boolean fullExport) {
        this.source = source;
        this.db = db;
        this.ledger = ledger;
        this.events = events;
        this.rejectedFolder = rejectedFolder;
        this.fullExport = fullExport;
        this.loader = new PageLoader(db, ledger, events);
        this.pages = new LedgerPages(db);
    }

    /** Loads the export; throws {@link FileRefused} (or the database's error) when nothing of it was loaded. */
    public IngestReport ingest(String origin, InputStream export) {
        LedgerBatch batch;
        try {
            batch = source.read(origin, export);
        } catch (FileRefused refused) {
            db.inTransaction(() -> ledger.quarantine(STAGE, refused.asRejection()));
            throw refused;
        }
        IngestReport report = db.inTransaction(() -> load(batch));
        if (report.rejectedRows() > 0 || !report.warnings().isEmpty()) {
            LOG.warn("ingested {}; see {}", report.accounting(), reportFile(origin));
        } else {
            LOG.info("ingested {}", report.accounting());
        }
        return report;
    }

    private IngestReport load(LedgerBatch batch) {
        String origin = batch.origin();
        PageLoader.Loaded loaded = loader.load(batch);
        List<Rejection> rejections = new ArrayList<>(batch.rejections());
        rejections.addAll(loaded.refused());
        int rejectedRows = batch.rejectedRows() + loaded.refused().size();
        rejections.sort(Comparator.comparingLong(Rejection::line));
        rejections.forEach(r -> ledger.quarantine(STAGE, r));
        List<String> warnings = new ArrayList<>(batch.warnings());
        int closed = 0;
        if (fullExport) {
            if (rejectedRows == 0) {
                closed = closeAbsent(batch);
            } else {
                warnings.add("items absent from this export were not closed: " + rejectedRows + " row(s) were rejected and"
                        + " may name some of them");
            }
        }
        IngestReport report = new IngestReport(origin, batch.rowsRead(), loaded.inserted(), loaded.updated(), loaded.unchanged(),
                rejectedRows, closed, rejections, warnings);
        // inside the transaction: a report that cannot be written leaves the file unloaded rather than unexplained
        writeRejectedReport(report);
        return report;
    }

    /** A full export lists every open item: the source's items it does not list are no longer open there. */
    private int closeAbsent(LedgerBatch batch) {
        Set<OpenItemKey> listed = new HashSet<>();
        batch.rows().forEach(r -> listed.add(r.record().item().key()));
        Map<OpenItemKey, String> gone = new HashMap<>();
        for (OpenItemKey key : pages.openKeys(source.sourceName())) {
            if (!listed.contains(key)) {
                gone.put(key, "not in the full export " + batch.origin());
            }
        }
        List<OpenItemKey> closed = pages.close(gone);
        events.appendAll(closed.stream().map(k -> new IngestEvent.ItemClosed(k, gone.get(k))).toList());
        return closed.size();
    }

    private void writeRejectedReport(IngestReport report) {
        Path file = reportFile(report.origin());
        try {
            if (report.rejections().isEmpty() && report.warnings().isEmpty()) {
                Files.deleteIfExists(file); // an earlier report of a file with the same name would mislead
                return;
            }
            StringBuilder text = new StringBuilder("# ").append(report.accounting()).append(report.rejectedRows() > 0
                    ? "; the rejected rows are listed below, the rest of the file was loaded\n" : "\n");
            report.warnings().forEach(w -> text.append("# warning: ").append(w).append('\n'));
            report.rejections().forEach(r -> text.append(r).append('\n'));
            Files.createDirectories(rejectedFolder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected report for " + report.origin() + " into " + rejectedFolder, e);
        }
    }

    private Path reportFile(String origin) {
        return rejectedFolder.resolve(Path.of(origin).getFileName() + ".rejected");
    }
}
