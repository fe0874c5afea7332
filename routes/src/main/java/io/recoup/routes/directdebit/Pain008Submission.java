package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.collection.CollectionDates;
import io.recoup.sepa.collection.TargetCalendar;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.NextCollection;
import io.recoup.sepa.pain008.Creditor;
import io.recoup.sepa.pain008.DirectDebit;
import io.recoup.sepa.pain008.Pain008File;
import io.recoup.sepa.pain008.Pain008Message;
import io.recoup.sepa.pain008.Pain008Reader;
import io.recoup.sepa.pain008.Pain008Writer;
import io.recoup.sepa.pain008.PaymentInstruction;
import io.recoup.sepa.pain008.Remittance;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.Pain008FileRepository;
import io.recoup.store.directdebit.StoredCollection;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On each presentation's submission day (its collection date less the configured TARGET business days) puts every
 * presentation due into one pain.008 message, lets {@link Pain008Writer} validate it against the XSD, and only then,
 * in the same transaction, stores the file in the outbox, marks the presentations SUBMITTED and records on each
 * mandate what the lifecycle made of the collection (FRST becomes RCUR, a pending amendment is cleared). A file the
 * writer refuses rolls the whole transaction back: nothing is stored, nothing is written, the presentations wait.
 */
final class Pain008Submission {
    private static final Logger LOG = LoggerFactory.getLogger(Pain008Submission.class);

    private final Database db;
    private final CollectionRepository collections;
    private final Pain008FileRepository files;
    private final MandateStore mandates;
    private final LedgerRepository ledger;
    private final EventLog events;
    private final Withdrawals withdrawals;
    private final DirectDebitSettings settings;
    private final Pain008Writer writer;
    private final Clock clock;
    private final Pain008Reader reader = new Pain008Reader();

    Pain008Submission(Database db, CollectionRepository collections, Pain008FileRepository files, MandateStore mandates,
                      LedgerRepository ledger, EventLog events, Withdrawals withdrawals, DirectDebitSettings settings,
                      Pain008Writer writer, Clock clock) {
        this.db = db;
        this.collections = collections;
        this.files = files;
        this.mandates = mandates;
        this.ledger = ledger;
        this.events = events;
        this.withdrawals = withdrawals;
        this.settings = settings;
        this.writer = writer;
        this.clock = clock;
    }

    /** The files stored, the presentations taken out on the way, and the error when no file could be written. */
    record Outcome(List<DirectDebitReports.Submitted> files, List<String> withdrawn, List<String> refused) {}

    Outcome submit() {
        LocalDate today = LocalDate.now(clock);
        List<String> withdrawn = new ArrayList<>();
        try {
            List<DirectDebitReports.Submitted> stored = db.inTransaction(() -> submitDue(today, withdrawn));
            return new Outcome(stored, withdrawn, List.of());
        } catch (SepaException e) {
            // rolled back: withdrawals included, they are decided again next run
            LOG.warn("no pain.008 written on {}: {}", today, e.getMessage());
            db.inTransaction(() -> events.append(new DirectDebitEvent.FileNotWritten(today, e.code() + ": " + e.getMessage())));
            return new Outcome(List.of(), List.of(), List.of(e.code() + ": " + e.getMessage()));
        }
    }

    private List<DirectDebitReports.Submitted> submitDue(LocalDate today, List<String> withdrawn) {
        collections.lockCollecting();
        int before = settings.submissionDaysBefore();
        Map<Long, List<StoredCollection>> byMandate = new LinkedHashMap<>();
        // a bound wide enough for weekends and holidays; the exact submission day is checked per row
        for (StoredCollection c : collections.preNotifiedUpTo(today.plusDays(3L * before + 10))) {
            if (!TargetCalendar.plusBusinessDays(c.requestedDate(), -before).isAfter(today)) {
                byMandate.computeIfAbsent(c.mandateId(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, StoredCollection> byEndToEnd = new HashMap<>();
        List<DirectDebit> debits = new ArrayList<>();
        byMandate.forEach((mandateId, due) -> debits.addAll(presentations(mandateId, due, today, withdrawn, byEndToEnd)));
        if (debits.isEmpty()) {
            return List.of();
        }
        String messageId = "RCP-D" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + files.nextMessageNumber();
        CreditorDetails own = settings.creditor();
        Creditor creditor = new Creditor(own.name(), own.iban(), own.bic(), settings.creditorId(), null);
        List<DirectDebitReports.Submitted> stored = new ArrayList<>();
        for (Pain008File file : writer.write(new Pain008Message(messageId, own.name(), creditor, debits))) {
            stored.add(store(file, today, byEndToEnd));
        }
        return stored;
    }

    /** The debits of one mandate's due presentations, in date order, with the mandate moved on after each. */
    private List<DirectDebit> presentations(long mandateId, List<StoredCollection> due, LocalDate today, List<String> withdrawn,
                                            Map<String, StoredCollection> byEndToEnd) {
        MandateStore.Held held = mandates.getForUpdate(mandateId);
        Mandate mandate = held.mandate().lapseIfDue(today);
        if (mandate != held.mandate()) {
            events.append(new DirectDebitEvent.MandateLapsed(mandateId,
                    held.mandate().isUsed() ? held.mandate().lastCollectionDate() : held.mandate().signatureDate()));
        }
        LocalDate earliest = CollectionDates.earliestCollectionDate(today);
        List<DirectDebit> debits = new ArrayList<>();
        for (StoredCollection c : due) {
            if (c.requestedDate().isBefore(earliest)) {
                collections.move(c.id(), CollectionEvent.MISS_SUBMISSION_DAY, null, "submission day missed", null);
                events.append(new DirectDebitEvent.SubmissionDayMissed(c.itemKey(), c.endToEndId(), c.requestedDate()));
                withdrawn.add(c.endToEndId() + ": submission day missed, planned again");
                continue;
            }
            String problem = problemWith(c, mandate);
            NextCollection next = null;
            if (problem == null) {
                try {
                    next = mandate.nextCollection(c.requestedDate(), false);
                } catch (SepaException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                withdrawn.add(withdrawals.withdraw(c, problem));
                continue;
            }
            debits.add(DirectDebit.of(mandate, next, new EndToEndId(c.endToEndId()), new SepaAmount(c.amount().amount()),
                    remittance(c), held.address()));
            mandate = mandate.collected(next);
            byEndToEnd.put(c.endToEndId(), c);
        }
        if (!mandate.equals(held.mandate())) {
            mandates.update(mandateId, mandate);
        }
        return debits;
    }

    private String problemWith(StoredCollection c, Mandate mandate) {
        if (!mandate.creditorId().equals(settings.creditorId())) {
            return "mandate " + mandate.reference() + " belongs to creditor identifier " + mandate.creditorId()
                    + ", the files are for " + settings.creditorId();
        }
        StoredItem item = ledger.get(c.itemId());
        if (item.status() != ItemStatus.OPEN) {
            return "the invoice was paid before its collection date";
        }
        if (item.open().compareTo(c.amount()) < 0) {
            return "the open amount fell from " + c.amount() + " to " + item.open() + " after the pre-notification";
        }
        return null;
    }

    private static Remittance remittance(StoredCollection c) {
        return CreditorReference.isValid(c.creditorReference())
                ? Remittance.reference(CreditorReference.parse(c.creditorReference())) : Remittance.text(c.itemNumber());
    }

    private DirectDebitReports.Submitted store(Pain008File file, LocalDate today, Map<String, StoredCollection> byEndToEnd) {
        long fileId = files.insert(file.fileName(), file.messageId(), file.version().messageName(), file.numberOfTransactions(),
                file.controlSum(), today, file.xmlText());
        // read back what was written, so each presentation records the payment block the bank will name in a pain.002
        List<String> endToEndIds = new ArrayList<>();
        for (PaymentInstruction block : reader.read(new ByteArrayInputStream(file.xml()), file.fileName()).payments()) {
            for (DirectDebit debit : block.debits()) {
                StoredCollection c = byEndToEnd.get(debit.endToEndId().value());
                if (c == null || !collections.markSubmitted(c.id(), fileId, file.fileName(), block.id(), debit.sequenceType().code())) {
                    throw new IllegalStateException(file.fileName() + " holds " + debit.endToEndId()
                            + ", which is not a presentation waiting for this file");
                }
                events.append(new DirectDebitEvent.Submitted(c.itemKey(), c.endToEndId(), debit.sequenceType().toString(),
                        debit.collectionDate(), file.fileName()));
                endToEndIds.add(c.endToEndId());
            }
        }
        if (endToEndIds.size() != file.numberOfTransactions()) {
            throw new IllegalStateException(file.fileName() + " reads back with " + endToEndIds.size() + " of "
                    + file.numberOfTransactions() + " collections");
        }
        events.append(new DirectDebitEvent.FileStored(file.fileName(), file.toString(), today));
        LOG.info("stored {} with {} collection(s)", file.fileName(), endToEndIds.size());
        return new DirectDebitReports.Submitted(file.fileName(), file.messageId(), file.numberOfTransactions(),
                file.controlSum().toPlainString(), endToEndIds);
    }
}
