package io.recoup.routes.directdebit;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.port.ReminderChannel;
import io.recoup.sepa.pain008.Pain008Writer;
import io.recoup.sepa.pain008.SchemaSource;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.MandateRepository;
import io.recoup.store.directdebit.Pain008FileRepository;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The direct-debit stage services of one Recoup instance, built together because they share repositories and
 * settings. {@link #returns()} is also what the statement import hands booked debits to.
 */
public record DirectDebitStages(DirectDebitCollection collection, StatusReportImport statusImport, Settlement settlement,
                                ReturnHandling returns, MandateStore mandates) {
    public DirectDebitStages {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(statusImport, "statusImport");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(mandates, "mandates");
    }

    /**
     * @param email     the channel pre-notifications go out on
     * @param templates the message templates; a pre-notification is the {@code pre-notification} template
     * @param schemas   the XSDs every pain.008 is validated against before it is stored ({@link SchemaSource#bundled()})
     */
    public static DirectDebitStages create(Database db, DirectDebitSettings settings, ReminderChannel email,
                                           MessageTemplates templates, Clock clock, SchemaSource schemas) {
        EventLog events = new EventLog(db);
        LedgerRepository ledger = new LedgerRepository(db);
        CollectionRepository collections = new CollectionRepository(db);
        Pain008FileRepository files = new Pain008FileRepository(db);
        MandateStore mandates = new MandateStore(new MandateRepository(db));
        Withdrawals withdrawals = new Withdrawals(collections, events);
        ReturnHandling returns = new ReturnHandling(collections, mandates, events, withdrawals, settings, clock,
                new ReceiptRepository(db), ledger);
        DirectDebitCollection collection = new DirectDebitCollection(
                new CollectionPicking(db, collections, events, settings, clock),
                new Pain008Submission(db, collections, files, mandates, ledger, events, withdrawals, settings,
                        new Pain008Writer(settings.options(), schemas, clock), clock),
                new Pain008Outbox(db, files, events, settings.outbox()),
                new PreNotifying(db, collections, mandates, events, withdrawals, email, templates, settings, clock));
        return new DirectDebitStages(collection, new StatusReportImport(db, collections, ledger, returns),
                new Settlement(db, collections, new ReceiptRepository(db), ledger, events, settings, clock), returns, mandates);
    }
}
