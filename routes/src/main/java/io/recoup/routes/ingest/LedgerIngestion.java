package io.recoup.routes.ingest;

import io.recoup.core.event.IngestEvent;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.FileRefused;
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
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Stage 1, ingest: reads a ledger export and loads it in one transaction, so a file is either fully accounted for
 * (loaded + rejected = rows read, stated in the log and the {@code .rejected} report) or not loaded at all and, by
 * the route, moved to {@code .failed} with the reason. Good records are upserted by (source, external id), each
 * behind a savepoint so a record the database refuses (an amount beyond what it stores) is rejected alone; bad ones
 * are quarantined and listed in the report for the person who dropped the file. A file refused as a whole is
 * quarantined with its reason before the refusal goes back to the route.
 */
public final class LedgerIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerIngestion.class);
    private static final String STAGE = "ingest";

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
        int[] counts = new int[3]; // inserted, updated, unchanged
        List<Rejection> rejections = new ArrayList<>(batch.rejections());
        int rejectedRows = batch.rejectedRows();
        for (LedgerBatch.Row row : batch.rows()) {
            try {
                counts[db.underSavepoint(() -> store(origin, row.record())).ordinal()]++;
            } catch (DataIntegrityViolationException e) {
                rejectedRows++;
                rejections.add(new Rejection(origin, row.line(), null, "the database refused the record: "
                        + firstLines(e.getMostSpecificCause().getMessage()), row.raw()));
            }
        }
        rejections.sort(Comparator.comparingLong(Rejection::line));
        rejections.forEach(r -> ledger.quarantine(STAGE, r));
        IngestReport report = new IngestReport(origin, batch.rowsRead(), counts[0], counts[1], counts[2], rejectedRows,
                rejections, batch.warnings());
        // inside the transaction: a report that cannot be written leaves the file unloaded rather than unexplained
        writeRejectedReport(report);
        return report;
    }

    private LedgerRepository.Upsert store(String origin, LedgerRecord record) {
        OpenItemKey key = record.item().key();
        LedgerRepository.Upsert result = ledger.upsertItem(record,
                CreditorReference.forInvoice(record.item().number(), key.toString()).value());
        if (result != LedgerRepository.Upsert.UNCHANGED) {
            events.append(result == LedgerRepository.Upsert.INSERTED ? new IngestEvent.ItemInserted(key, origin)
                    : new IngestEvent.ItemUpdated(key, origin));
        }
        return result;
    }

    /** The database's sentence and its detail, on one line, without the severity prefix. */
    private static String firstLines(String message) {
        return String.valueOf(message).replaceFirst("^ERROR: ", "").replaceAll("\\s*\\R\\s*", "; ").strip();
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
