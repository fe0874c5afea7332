package io.recoup.routes.ingest;

import io.recoup.core.event.IngestEvent;
import io.recoup.core.event.RecoupEvent;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.LedgerBatch;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerPages;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.WrittenCustomers;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Loads the good rows of a batch (an export, a page of a sync) inside the caller's transaction, a chunk of rows at a
 * time in a few set-based statements, each chunk behind a savepoint. A chunk the database refuses (an amount beyond
 * what it stores, a reference another item holds) is loaded again row by row, each behind its own savepoint, so only
 * the refused row is rejected, with the database's reason, and the rest of the chunk is loaded.
 */
final class PageLoader {
    static final int CHUNK = 1_000;

    private final Database db;
    private final LedgerPages pages;
    private final LedgerRepository ledger;
    private final EventLog events;

    PageLoader(Database db, LedgerRepository ledger, EventLog events) {
        this.db = db;
        this.pages = new LedgerPages(db);
        this.ledger = ledger;
        this.events = events;
    }

    /** What loading the rows did: rows inserted, updated, unchanged, and the rows the database refused. */
    record Loaded(int inserted, int updated, int unchanged, List<Rejection> refused) {
        Loaded plus(Loaded other) {
            List<Rejection> all = new ArrayList<>(refused);
            all.addAll(other.refused);
            return new Loaded(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged, all);
        }
    }

    /** Loads a batch that is a run of its own (an export). */
    Loaded load(LedgerBatch batch) {
        return load(batch, new WrittenCustomers());
    }

    /** Loads one page of a run (a sync) that already wrote the customers in {@code written}. */
    Loaded load(LedgerBatch batch, WrittenCustomers written) {
        Loaded total = new Loaded(0, 0, 0, List.of());
        List<LedgerBatch.Row> rows = batch.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<LedgerBatch.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            total = total.plus(loadChunk(batch.origin(), chunk, written));
        }
        return total;
    }

    private Loaded loadChunk(String origin, List<LedgerBatch.Row> chunk, WrittenCustomers written) {
        List<LedgerRecord> records = chunk.stream().map(LedgerBatch.Row::record).toList();
        if (LedgerPages.eachItemOnce(records)) {
            try {
                List<LedgerRepository.Upsert> results = db.underSavepoint(() -> pages.upsert(records,
                        records.stream().map(PageLoader::readableReference).toList(),
                        PageLoader::uniqueReference, written));
                written.keepChunk();
                return logged(origin, records, results, List.of());
            } catch (DataIntegrityViolationException refusedChunk) {
                // one of the rows is refused: find it by loading the chunk row by row
                written.dropChunk();
            }
        }
        List<LedgerRepository.Upsert> results = new ArrayList<>();
        List<LedgerRecord> loaded = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        for (LedgerBatch.Row row : chunk) {
            try {
                results.add(db.underSavepoint(() -> ledger.upsertItem(row.record(), readableReference(row.record()),
                        uniqueReference(row.record()))));
                loaded.add(row.record());
            } catch (DataIntegrityViolationException e) {
                refused.add(new Rejection(origin, row.line(), null, "the database refused the record: "
                        + firstLines(e.getMostSpecificCause().getMessage()), row.raw()));
            }
        }
        return logged(origin, loaded, results, refused);
    }

    private Loaded logged(String origin, List<LedgerRecord> records, List<LedgerRepository.Upsert> results, List<Rejection> refused) {
        int[] counts = new int[3];
        List<RecoupEvent> logged = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LedgerRepository.Upsert result = results.get(i);
            counts[result.ordinal()]++;
            OpenItemKey key = records.get(i).item().key();
            if (result == LedgerRepository.Upsert.INSERTED) {
                logged.add(new IngestEvent.ItemInserted(key, origin));
            } else if (result == LedgerRepository.Upsert.UPDATED) {
                logged.add(new IngestEvent.ItemUpdated(key, origin));
            }
        }
        events.appendAll(logged);
        return new Loaded(counts[0], counts[1], counts[2], refused);
    }

    /** The RF reference made from the invoice number, which a person can read. */
    private static String readableReference(LedgerRecord record) {
        return CreditorReference.forInvoice(record.item().number(), record.item().key().toString()).value();
    }

    /** The RF reference made from the item's key alone, for an item whose number another item's reference already has. */
    private static String uniqueReference(LedgerRecord record) {
        return CreditorReference.forInvoice(null, record.item().key().toString()).value();
    }

    /** The database's sentence and its detail, on one line, without the severity prefix. */
    static String firstLines(String message) {
        return String.valueOf(message).replaceFirst("^ERROR: ", "").replaceAll("\\s*\\R\\s*", "; ").strip();
    }
}
