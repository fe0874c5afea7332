package io.recoup.routes.receive;

import io.recoup.core.ledger.Rejection;
import io.recoup.core.port.FileRefused;
import io.recoup.routes.ReturnedEntries;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtStatement;
import io.recoup.sepa.camt.CamtSummary;
import io.recoup.sepa.xml.XmlProblem;
import io.recoup.store.Database;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.ReceiptRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4, receive: reads a camt.053/054 statement as a stream and records every booked credit as a receipt keyed by
 * the bank's reference, so importing the same file twice adds nothing. A batch booking with several transaction
 * details becomes one receipt per detail ({@link StatementReceipts}). A booked debit that returns or reverses a credit
 * undoes that receipt ({@link CreditReturns}); other booked debits go to the direct-debit return handling, and a return
 * that ties to nothing is kept for a person. Reader problems are quarantined with their line and path and logged at WARN.
 * A statement that cannot be read to its end is refused whole, and the route moves it to {@code .failed}.
 */
public final class StatementImport {
    private static final Logger LOG = LoggerFactory.getLogger(StatementImport.class);
    private static final String STAGE = "statement";
    /** Receipts recorded per round trip. */
    private static final int BATCH = 500;

    private final CamtReader reader = new CamtReader();
    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final ReturnedEntries returns;
    private final CreditReturns creditReturns;

    public StatementImport(Database db, ReceiptRepository receipts, LedgerRepository ledger, CreditReturns creditReturns) {
        this(db, receipts, ledger, creditReturns, ReturnedEntries.NONE);
    }

    public StatementImport(Database db, ReceiptRepository receipts, LedgerRepository ledger, CreditReturns creditReturns,
                           ReturnedEntries returns) {
        this.db = db;
        this.receipts = receipts;
        this.ledger = ledger;
        this.creditReturns = Objects.requireNonNull(creditReturns, "creditReturns");
        this.returns = Objects.requireNonNull(returns, "returns");
    }

    /**
     * Imports the statement in one transaction. A statement the reader cannot follow to its end (truncated, not
     * well-formed past some point) is refused whole ({@link FileRefused}) and nothing of it is kept: what is missing
     * cannot be known, so no count could show it, and a later complete file imports every entry once.
     */
    public ImportReport importStatement(String origin, InputStream statement) {
        ImportReport report;
        try {
            InputStream in = nonEmpty(origin, statement);
            report = db.inTransaction(() -> read(origin, in));
        } catch (FileRefused refused) {
            db.inTransaction(() -> ledger.quarantine(STAGE, refused.asRejection()));
            throw refused;
        } catch (SepaException notCamt) {
            db.inTransaction(() -> ledger.quarantine(STAGE, new FileRefused(origin, -1, notCamt.getMessage()).asRejection()));
            throw notCamt;
        }
        String counts = "{} entries, {} new receipts, {} already known, {} entries not receipts";
        if (report.problems().isEmpty()) {
            LOG.info("imported {}: " + counts, origin, report.entries(), report.newReceipts(), report.duplicates(),
                    report.ignoredEntries());
        } else {
            LOG.warn("imported {}: " + counts + "; {} problems quarantined for a person to look at", origin,
                    report.entries(), report.newReceipts(), report.duplicates(), report.ignoredEntries(),
                    report.problems().size());
        }
        return report;
    }

    private ImportReport read(String origin, InputStream statement) {
        int[] counts = new int[3]; // new, duplicate, ignored
        List<NewReceipt> pending = new ArrayList<>(BATCH);
        CamtSummary summary = reader.read(statement, origin, new CamtHandler() {
            @Override
            public void onStatement(CamtStatement header) {
                // entries carry their statement; nothing to do per header
            }

            @Override
            public void onEntry(CamtStatement header, CamtEntry entry) {
                List<NewReceipt> fromEntry = receiptsOf(origin, header, entry);
                if (fromEntry.isEmpty()) {
                    counts[2]++;
                    if (entry.isBooked()) {
                        store(pending, counts); // a return may undo a credit earlier in this very file
                        sentBack(origin, header, entry);
                    }
                }
                pending.addAll(fromEntry);
                if (pending.size() >= BATCH) {
                    store(pending, counts);
                }
            }
        });
        store(pending, counts);
        if (!summary.readToEnd()) {
            XmlProblem last = summary.problems().get(summary.problems().size() - 1);
            throw new FileRefused(origin, last.line(), "the statement cannot be read to its end, so none of it was"
                    + " imported (" + last.path() + ": " + last.message() + ")");
        }
        summary.problems().forEach(p -> ledger.quarantine(STAGE, new Rejection(origin, p.line(), p.path(), p.message(), "")));
        return new ImportReport(origin, summary.entries(), counts[0], counts[1], counts[2],
                summary.problems().stream().map(Object::toString).toList());
    }

    /** Records the receipts read so far, in one round trip, counting the new and the already known. */
    private void store(List<NewReceipt> pending, int[] counts) {
        if (pending.isEmpty()) {
            return;
        }
        int inserted = receipts.insertAllIfNew(pending);
        counts[0] += inserted;
        counts[1] += pending.size() - inserted;
        pending.clear();
    }

    /** A zero-byte file is refused by name rather than as XML that ends before it starts. */
    private static InputStream nonEmpty(String origin, InputStream statement) {
        PushbackInputStream in = new PushbackInputStream(statement);
        try {
            int first = in.read();
            if (first < 0) {
                throw new FileRefused(origin, -1, "empty file");
            }
            in.unread(first);
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statement " + origin, e);
        }
    }

    /**
     * A booked entry that is not a receipt: a return or reversal of one of our receipts is undone here; everything else
     * (a direct debit's return, a fee) goes to the direct-debit return handling as before; a return that ties to no
     * receipt and is not one of our direct debits is kept for a person.
     */
    private void sentBack(String origin, CamtStatement header, CamtEntry entry) {
        List<StatementReceipts.Returned> returned = StatementReceipts.returned(header, entry);
        boolean allTied = !returned.isEmpty();
        for (StatementReceipts.Returned r : returned) {
            boolean ours = r.quotedReferences().stream().anyMatch(id -> new EndToEndId(safeId(id)).collectionId().isPresent());
            String key = StatementReceipts.entryRef(header, entry) + (returned.size() > 1 ? "/" + (r.txIndex() + 1) : "");
            CreditReturns.Outcome outcome = creditReturns.apply(r, provider(header), key, entry.bookingDate(), origin, !ours);
            allTied &= outcome != CreditReturns.Outcome.UNRESOLVED;
        }
        if (!allTied) {
            returns.onEntry(origin, header, entry);
        }
    }

    /** Any quoted id as an end-to-end id (too long or odd ids are simply not ours). */
    private static String safeId(String id) {
        return id.length() <= EndToEndId.MAX_LENGTH && id.matches("[A-Za-z0-9/?:().,'+ -]+") ? id : "X";
    }

    private static String provider(CamtStatement statement) {
        return "bank:" + Objects.requireNonNullElse(statement.accountIban(), "unknown");
    }

    static List<NewReceipt> receiptsOf(String origin, CamtStatement statement, CamtEntry entry) {
        return StatementReceipts.received(statement, entry).stream().map(r -> new NewReceipt(provider(statement), r.key(),
                r.amount(), r.bookedOn(), r.valueDate(), r.references(), r.remittance(), r.payerName(), r.payerIban(), origin,
                r.bankReferences())).toList();
    }
}
