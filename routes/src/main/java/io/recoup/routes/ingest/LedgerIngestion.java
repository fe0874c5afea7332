package io.recoup.routes.ingest;

import io.recoup.core.event.IngestEvent;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemSource;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Stage 1, ingest: reads a ledger export, upserts every good record by (source, external id), each in its own
 * transaction so one bad record cannot undo the others, and quarantines the bad ones. Writes a {@code .rejected}
 * report beside the run so the person who dropped the file sees what was refused and why.
 */
public final class LedgerIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerIngestion.class);

    private final OpenItemSource source;
    private final Database db;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final Path rejectedFolder;

    public LedgerIngestion(OpenItemSource source, Database db, LedgerRepository ledger, EventLog events, Path rejectedFolder) {
        this.source = source;
        this.db = db;
        this.ledger = ledger;
        this.events = events;
        this.rejectedFolder = rejectedFolder;
    }

    public IngestReport ingest(String origin, InputStream export) {
        LedgerBatch batch = source.read(origin, export);
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        List<Rejection> rejections = new ArrayList<>(batch.rejections());
        for (LedgerRecord record : batch.records()) {
            try {
                LedgerRepository.Upsert outcome = db.inTransaction(() -> {
                    LedgerRepository.Upsert result = ledger.upsertItem(record, CreditorReference.forInvoice(record.item().number(), record.item().key().toString()).value());
                    if (result != LedgerRepository.Upsert.UNCHANGED) {
                        OpenItemKey key = record.item().key();
                        events.append(result == LedgerRepository.Upsert.INSERTED ? new IngestEvent.ItemInserted(key, origin)
                                : new IngestEvent.ItemUpdated(key, origin));
                    }
                    return result;
                });
                switch (outcome) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (DataAccessException e) {
                rejections.add(new Rejection(origin, -1, null, "item " + record.item().key() + " could not be stored: "
                        + e.getMostSpecificCause().getMessage(), record.item().toString()));
            }
        }
        db.inTransaction(() -> rejections.forEach(r -> ledger.quarantine("ingest", r)));
        writeRejectedReport(origin, rejections);
        LOG.info("ingested {}: {} new, {} changed, {} unchanged, {} rejected", origin, inserted, updated, unchanged, rejections.size());
        return new IngestReport(origin, inserted, updated, unchanged, rejections);
    }

    private void writeRejectedReport(String origin, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("# records of ").append(origin)
                .append(" that were not loaded (the rest of the file was)\n");
        rejections.forEach(r -> report.append(r).append('\n'));
        try {
            Files.createDirectories(rejectedFolder);
            Files.writeString(rejectedFolder.resolve(Path.of(origin).getFileName() + ".rejected"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected report for " + origin + " into " + rejectedFolder, e);
        }
    }
}
