package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.lifecycle.ProviderCollectionEvent;
import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.MandateCollector.CollectedPayment;
import io.recoup.core.port.MandateCollector.CollectionRequest;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.provider.ProviderCollections;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects through payment providers (GoCardless) the items of customers with an active mandate there, instead of the
 * own pain.008 (whose run leaves those customers out). Due items are taken in first, in one transaction: a REQUESTED
 * row per item with its idempotency key (item and attempt) and a direct-debit block on the item, so reminders stay
 * away while it is collected. Then each REQUESTED row is asked for at the provider; a crash or an outage in between
 * leaves the row REQUESTED and the next run asks again with the same key, so the item is never charged twice. A
 * refusal for good ends the collection with its reason and gives the item back to the policy; a provider that cannot
 * be asked now is left for the next run. The payment's own events then pay or undo the item. Each payment made and
 * each refusal is in the event log ({@link DirectDebitEvent.ProviderPaymentCreated}, {@link
 * DirectDebitEvent.ProviderPaymentRefused}).
 */
public final class ProviderCollecting {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderCollecting.class);

    private final Database db;
    private final ProviderCollections collections;
    private final CollectionRepository holds;
    private final EventLog events;
    private final List<MandateCollector> collectors;
    private final Clock clock;

    public ProviderCollecting(Database db, List<MandateCollector> collectors, Clock clock) {
        this.db = db;
        this.collections = new ProviderCollections(db);
        this.holds = new CollectionRepository(db);
        this.events = new EventLog(db);
        this.collectors = List.copyOf(collectors);
        this.clock = clock;
    }

    /** What one run did: payments made, collections refused (with the reason), and providers that could not be asked. */
    public record Report(List<String> submitted, List<String> refused, List<String> waiting) {}

    public Report collect() {
        List<String> submitted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (MandateCollector collector : collectors) {
            takeIn(collector.provider());
            for (ProviderCollections.Stored row : collections.requested(collector.provider())) {
                try {
                    CollectedPayment payment = collector.collect(request(row));
                    db.inTransaction(() -> {
                        collections.markSubmitted(row.id(), payment.paymentId(), payment.chargeDate());
                        events.append(new DirectDebitEvent.ProviderPaymentCreated(row.item(), row.provider(), payment.paymentId(),
                                row.amount(), payment.chargeDate(), row.mandateId()));
                    });
                    submitted.add(row.number() + ": " + payment.paymentId() + " on " + payment.chargeDate());
                } catch (MandateCollector.CollectionRefused e) {
                    db.inTransaction(() -> {
                        collections.move(row.id(), ProviderCollectionEvent.REFUSE, e.getMessage());
                        holds.releaseHold(row.itemId());
                        events.append(new DirectDebitEvent.ProviderPaymentRefused(row.item(), row.provider(), row.mandateId(),
                                e.getMessage()));
                    });
                    refused.add(row.number() + ": " + e.getMessage());
                } catch (ProviderUnavailable e) {
                    waiting.add(e.getMessage());
                    break;
                }
            }
        }
        if (!submitted.isEmpty() || !refused.isEmpty() || !waiting.isEmpty()) {
            LOG.info("provider direct debit: {} payment(s) made, {} refused, {} provider(s) to ask again", submitted.size(),
                    refused.size(), waiting.size());
        }
        return new Report(submitted, refused, waiting);
    }

    private void takeIn(String provider) {
        LocalDate today = LocalDate.now(clock);
        db.inTransaction(() -> {
            holds.lockCollecting();
            for (ProviderCollections.Candidate c : collections.candidates(provider, today)) {
                String key = new CollectionRequest(c.mandateId(), c.item(), c.attempt(), c.open(), Optional.empty(), c.number())
                        .idempotencyKey();
                collections.insertRequested(provider, c, key).ifPresent(id -> holds.holdItem(c.customerId(), c.itemId(),
                        provider + " direct debit against mandate " + c.mandateId(), today));
            }
        });
    }

    /** The request a stored row stands for: the same key whichever run asks. */
    private static CollectionRequest request(ProviderCollections.Stored row) {
        return new CollectionRequest(row.mandateId(), row.item(), row.attempt(), row.amount(), Optional.empty(),
                "Invoice " + row.number());
    }
}
