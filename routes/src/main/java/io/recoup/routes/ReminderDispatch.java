package io.recoup.routes;

import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.ActionRepository;
import io.recoup.store.ActionRepository.Status;
import io.recoup.store.Database;
import io.recoup.store.DueAction;
import io.recoup.store.EventLog;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, dispatch: takes planned actions from the outbox one at a time (each in its own transaction, locked with
 * SKIP LOCKED so several instances can share the queue) and carries them out: a message on a configured channel, a
 * task for a person for a call, or a recorded skip with the reason when the channel or the contact is missing.
 */
public final class ReminderDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatch.class);
    static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final ActionRepository actions;
    private final EventLog events;
    private final MessageTemplates templates;
    private final CreditorDetails creditor;
    private final Map<Channel, ReminderChannel> channels = new EnumMap<>(Channel.class);

    public ReminderDispatch(Database db, ActionRepository actions, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels) {
        this.db = db;
        this.actions = actions;
        this.events = events;
        this.templates = templates;
        this.creditor = creditor;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    public Reports.Dispatch dispatch(LocalDate today) {
        List<Reports.Dispatched> done = new ArrayList<>();
        long lastId = 0;
        while (true) {
            long after = lastId;
            Optional<Reports.Dispatched> next = db.inTransaction(() -> actions.claimDue(today, after, 1).stream()
                    .findFirst().map(this::carryOut));
            if (next.isEmpty()) {
                Reports.Dispatch report = new Reports.Dispatch(done);
                if (!done.isEmpty()) {
                    LOG.info("dispatched {} action(s): {} sent, {} task(s), {} skipped, {} deferred, {} failed, {} cancelled",
                            done.size(), report.count("SENT"), report.count("TASK_OPEN"), report.count("SKIPPED"),
                            report.count("DEFERRED"), report.count("FAILED"), report.count("CANCELLED"));
                }
                return report;
            }
            lastId = next.get().actionId();
            done.add(next.get());
        }
    }

    private Reports.Dispatched carryOut(DueAction action) {
        if (action.itemStatus() != ItemStatus.OPEN || !action.open().isPositive()) {
            return finish(action, Status.CANCELLED, "invoice was paid before the step was sent");
        }
        Locale language = templates.languageFor(action.template(), action.language());
        MessageTemplates.RenderedMessage message = templates.render(action.template(), language, values(action, language));
        if (action.channel() == Channel.CALL) {
            return finish(action, Status.TASK_OPEN, message.subject());
        }
        ReminderChannel channel = channels.get(action.channel());
        if (channel == null) {
            return finish(action, Status.SKIPPED, "channel not configured: no " + action.channel().label() + " account is set");
        }
        Optional<String> address = action.channel() == Channel.EMAIL ? action.email() : action.phone();
        if (address.isEmpty()) {
            return finish(action, Status.SKIPPED, "customer has no " + (action.channel() == Channel.EMAIL ? "e-mail address" : "phone number"));
        }
        DeliveryResult result = channel.deliver(new ReminderMessage("action-" + action.actionId(), action.customerName(),
                address.get(), message.subject(), message.body()));
        if (result instanceof DeliveryResult.Sent sent) {
            return finish(action, Status.SENT, sent.providerMessageId());
        }
        if (result instanceof DeliveryResult.Bounced bounced) {
            return finish(action, Status.FAILED, bounced.reason());
        }
        return defer(action, ((DeliveryResult.Deferred) result).reason());
    }

    private Reports.Dispatched defer(DueAction action, String reason) {
        if (action.attempts() + 1 >= MAX_ATTEMPTS) {
            return finish(action, Status.FAILED, "gave up after " + MAX_ATTEMPTS + " attempts: " + reason);
        }
        actions.deferred(action.actionId(), reason);
        events.append("dispatch", "action", action.actionId(), "deferred", reason);
        return report(action, "DEFERRED", reason);
    }

    private Reports.Dispatched finish(DueAction action, Status status, String outcome) {
        actions.complete(action.actionId(), status, outcome);
        events.append("dispatch", "action", action.actionId(), status.name().toLowerCase(Locale.ROOT), outcome);
        return report(action, status.name(), outcome);
    }

    private static Reports.Dispatched report(DueAction action, String status, String outcome) {
        return new Reports.Dispatched(action.actionId(), action.invoiceNumber(), action.stepId(), action.channel().label(),
                status, outcome);
    }

    private Map<String, String> values(DueAction action, Locale language) {
        return Map.of(
                "customer.name", action.customerName(),
                "invoice.number", action.invoiceNumber(),
                "invoice.due-date", action.dueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(language)),
                "amount.open", action.open().toString(),
                "creditor.name", creditor.name(),
                "creditor.iban", creditor.iban().printFormat(),
                "creditor.bic", creditor.bic().value(),
                "payment.reference", CreditorReference.parse(action.creditorReference()).printFormat());
    }
}
