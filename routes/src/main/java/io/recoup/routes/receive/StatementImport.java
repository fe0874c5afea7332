package io.recoup.routes.receive;

import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.routes.ReturnedEntries;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtStatement;
import io.recoup.sepa.camt.CamtSummary;
import io.recoup.sepa.camt.CamtTransaction;
import io.recoup.store.Database;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.ReceiptRepository;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4, receive: reads a camt.053/054 statement as a stream and records every booked credit as a receipt keyed by
 * the bank's reference, so importing the same file twice adds nothing. A batch booking with several transaction
 * details becomes one receipt per detail. Booked debits and reversals are counted and handed to the R-transaction
 * handling (returns of direct debits); reader problems are quarantined with their line and path.
 */
public final class StatementImport {
    private static final Logger LOG = LoggerFactory.getLogger(StatementImport.class);

    private final CamtReader reader = new CamtReader();
    private final Database db;
    private final ReceiptRepository receipts;
    private final LedgerRepository ledger;
    private final ReturnedEntries returns;

    public StatementImport(Database db, ReceiptRepository receipts, LedgerRepository ledger) {
        this(db, receipts, ledger, ReturnedEntries.NONE);
    }

    public StatementImport(Database db, ReceiptRepository receipts, LedgerRepository ledger, ReturnedEntries returns) {
        this.db = db;
        this.receipts = receipts;
        this.ledger = ledger;
        this.returns = Objects.requireNonNull(returns, "returns");
    }

    public ImportReport importStatement(String origin, InputStream statement) {
        int[] counts = new int[3]; // new, duplicate, ignored
        CamtSummary summary = db.inTransaction(() -> reader.read(statement, origin, new CamtHandler() {
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
                        returns.onEntry(origin, header, entry);
                    }
                }
                for (NewReceipt receipt : fromEntry) {
                    counts[receipts.insertIfNew(receipt).isPresent() ? 0 : 1]++;
                }
            }
        }));
        List<String> problems = summary.problems().stream().map(Object::toString).toList();
        db.inTransaction(() -> summary.problems().forEach(p -> ledger.quarantine("statement",
                new Rejection(origin, p.line(), p.path(), p.message(), ""))));
        LOG.info("imported {}: {} new receipts, {} already known, {} entries not receipts, {} problems", origin, counts[0],
                counts[1], counts[2], problems.size());
        return new ImportReport(origin, counts[0], counts[1], counts[2], problems);
    }

    static List<NewReceipt> receiptsOf(String origin, CamtStatement statement, CamtEntry entry) {
        boolean booked = entry.isBooked();
        if (entry.direction() != io.recoup.sepa.camt.CreditDebit.CREDIT || entry.reversal() || !booked) {
            return List.of();
        }
        String provider = "bank:" + Objects.requireNonNullElse(statement.accountIban(), "unknown");
        String entryKey = firstNonBlank(entry.accountServicerReference(), entry.entryReference(),
                statement.id() + "#" + entry.index());
        List<CamtTransaction> details = entry.transactions();
        boolean splitByDetail = details.size() > 1 && details.stream().allMatch(t -> t.amount() != null);
        if (!splitByDetail) {
            return List.of(new NewReceipt(provider, entryKey, Money.of(entry.amount(), Money.currencyOf(entry.currency())),
                    entry.bookingDate(), entry.valueDate(), structuredReference(details), remittance(details, entry),
                    details.size() == 1 ? details.get(0).debtorName() : null,
                    details.size() == 1 ? details.get(0).debtorIban() : null, origin));
        }
        List<NewReceipt> result = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CamtTransaction t = details.get(i);
            result.add(new NewReceipt(provider, entryKey + "/" + (i + 1),
                    Money.of(t.amount(), Money.currencyOf(Objects.requireNonNullElse(t.currency(), entry.currency()))),
                    entry.bookingDate(), entry.valueDate(), t.creditorReference(), String.join(" ", t.remittanceLines()),
                    t.debtorName(), t.debtorIban(), origin));
        }
        return result;
    }

    private static String structuredReference(List<CamtTransaction> details) {
        return details.stream().map(CamtTransaction::creditorReference).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String remittance(List<CamtTransaction> details, CamtEntry entry) {
        String text = details.stream().flatMap(t -> t.remittanceLines().stream()).collect(Collectors.joining(" "));
        return text.isEmpty() ? Objects.requireNonNullElse(entry.additionalInfo(), "") : text;
    }

    private static String firstNonBlank(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElseThrow();
    }
}
