package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.collection.CollectionDates;
import io.recoup.sepa.collection.PreNotification;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateState;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.StoredCollection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends the pre-notification of every PLANNED presentation, one per transaction with SKIP LOCKED like reminder
 * dispatch. The date is checked again at sending: when the notice goes out later than planned (a deferred send, a
 * missed submission day) the collection moves to the earliest date that still leaves the full period, and the
 * notice states that date. A bounced notice withdraws the presentation; a deferred one is tried again next run.
 */
final class PreNotifying {
    private final Database db;
    private final CollectionRepository collections;
    private final MandateStore mandates;
    private final EventLog events;
    private final Withdrawals withdrawals;
    private final ReminderChannel channel;
    private final PreNotificationText wording;
    private final DirectDebitSettings settings;
    private final Clock clock;

    PreNotifying(Database db, CollectionRepository collections, MandateStore mandates, EventLog events, Withdrawals withdrawals,
                 ReminderChannel channel, MessageTemplates templates, DirectDebitSettings settings, Clock clock) {
        this.db = db;
        this.collections = collections;
        this.mandates = mandates;
        this.events = events;
        this.withdrawals = withdrawals;
        this.channel = channel;
        this.wording = new PreNotificationText(templates);
        this.settings = settings;
        this.clock = clock;
    }

    List<DirectDebitReports.Notified> notifyPlanned() {
        List<DirectDebitReports.Notified> done = new ArrayList<>();
        long lastId = 0;
        while (true) {
            long after = lastId;
            Optional<Notice> next = db.inTransaction(() -> collections.claimNextToNotify(after).map(this::send));
            if (next.isEmpty()) {
                return done;
            }
            lastId = next.get().collectionId();
            done.add(next.get().report());
        }
    }

    private record Notice(long collectionId, DirectDebitReports.Notified report) {}

    private Notice send(StoredCollection c) {
        LocalDate today = LocalDate.now(clock);
        int days = settings.preNotificationDays();
        LocalDate date = CollectionDates.collectionDate(c.requestedDate(), today, days);
        Mandate mandate = mandates.get(c.mandateId()).mandate();
        if ((mandate.state() != MandateState.ACTIVE && mandate.state() != MandateState.AMENDED) || mandate.isLapsedOn(date)) {
            return cancelled(c, date, "mandate " + mandate.reference() + " is " + (mandate.isLapsedOn(date) ? "lapsed by " + date
                    : mandate.state()));
        }
        if (c.email().isEmpty()) {
            return cancelled(c, date, "the customer has no e-mail address for the pre-notification");
        }
        PreNotification notice = PreNotification.of(mandate, date, new SepaAmount(c.amount().amount()), days);
        MessageTemplates.RenderedMessage text = wording.render(c.language(), c.itemNumber(), notice, settings.creditor());
        DeliveryResult result = channel.deliver(new ReminderMessage("pre-notification-" + c.endToEndId(), c.customerName(),
                c.email().get(), text.subject(), text.body()));
        if (result instanceof DeliveryResult.Sent sent) {
            collections.markPreNotified(c.id(), date, today, sent.providerMessageId());
            events.append(new DirectDebitEvent.PreNotified(c.itemKey(), c.endToEndId(), c.amount(), date, mandate.reference().toString(),
                    settings.creditorId().toString(), c.email().get(), sent.providerMessageId()));
            return new Notice(c.id(), new DirectDebitReports.Notified(c.endToEndId(), c.itemNumber(), date, "SENT",
                    sent.providerMessageId()));
        }
        if (result instanceof DeliveryResult.Bounced bounced) {
            return cancelled(c, date, "the pre-notification bounced: " + bounced.reason());
        }
        String reason = ((DeliveryResult.Deferred) result).reason();
        events.append(new DirectDebitEvent.PreNotificationDeferred(c.itemKey(), c.endToEndId(), reason));
        return new Notice(c.id(), new DirectDebitReports.Notified(c.endToEndId(), c.itemNumber(), date, "DEFERRED", reason));
    }

    private Notice cancelled(StoredCollection c, LocalDate date, String reason) {
        withdrawals.withdraw(c, reason);
        return new Notice(c.id(), new DirectDebitReports.Notified(c.endToEndId(), c.itemNumber(), date, "CANCELLED", reason));
    }
}
