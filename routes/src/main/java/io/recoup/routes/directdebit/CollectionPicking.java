package io.recoup.routes.directdebit;

import io.recoup.core.dunning.Pauses;
import io.recoup.core.event.DirectDebitEvent;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.collection.CollectionDates;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.DirectDebitCandidate;
import io.recoup.store.directdebit.StoredCollection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes open items into direct debit once they are due within the pre-notification period: one PLANNED presentation
 * per item, on its due date when the notice can still reach the debtor in time, else on the earliest date that
 * respects both the period and D-1. A dunning block keeps reminders away while the item is being collected.
 */
final class CollectionPicking {
    private final Database db;
    private final CollectionRepository collections;
    private final EventLog events;
    private final DirectDebitSettings settings;
    private final Clock clock;

    CollectionPicking(Database db, CollectionRepository collections, EventLog events, DirectDebitSettings settings, Clock clock) {
        this.db = db;
        this.collections = collections;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    List<DirectDebitReports.Picked> pick() {
        LocalDate today = LocalDate.now(clock);
        int days = settings.preNotificationDays();
        return db.inTransaction(() -> {
            collections.lockCollecting();
            List<DirectDebitReports.Picked> picked = new ArrayList<>();
            for (DirectDebitCandidate candidate : collections.candidates(today.plusDays(days))) {
                if (!SepaAmount.fits(candidate.open().amount()) || Pauses.keepsFromDirectDebit(candidate.open(),
                        candidate.itemHolds(), candidate.customerHolds(), candidate.promise(), candidate.planAgreed(), today).isPresent()) {
                    continue;
                }
                LocalDate date = CollectionDates.collectionDate(candidate.dueDate(), today, days);
                Optional<Long> id = collections.insertPlanned(candidate.itemId(), candidate.mandateId(), candidate.open(), date,
                        1, null, null);
                if (id.isEmpty()) {
                    continue;
                }
                StoredCollection c = collections.get(id.get());
                collections.holdItem(candidate.customerId(), candidate.itemId(), "SEPA direct debit " + c.endToEndId()
                        + " on " + date, today);
                events.append(new DirectDebitEvent.Planned(c.itemKey(), c.endToEndId(), c.amount(), date, candidate.dueDate()));
                picked.add(new DirectDebitReports.Picked(c.endToEndId(), c.itemNumber(), c.amount().toString(), date));
            }
            return picked;
        });
    }
}
