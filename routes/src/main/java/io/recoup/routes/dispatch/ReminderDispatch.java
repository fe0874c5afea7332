package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.lifecycle.NoticeLifecycle;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.routes.CreditorDetails;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DueNotice;
import io.recoup.store.dispatch.NoticeRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, dispatch: takes due notices from the outbox one at a time (each in its own transaction, locked with SKIP
 * LOCKED so several instances can share the queue) and carries them out: a message on a configured channel, a task
 * for a person, or a recorded skip with the reason. Items paid since planning are taken off the notice first; a
 * notice with nothing left is cancelled.
 */
public final class ReminderDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatch.class);
    static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final NoticeRepository notices;
    private final EventLog events;
    private final NoticeRenderer renderer;
    private final Clock clock;
    private final Map<Channel, ReminderChannel> channels = new EnumMap<>(Channel.class);

    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock) {
        this.db = db;
        this.notices = notices;
        this.events = events;
        this.renderer = new NoticeRenderer(templates, creditor, clock);
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    /** The channels messages can be sent on here; the planner falls back past the others. */
    public Set<Channel> configuredChannels() {
        return Set.copyOf(channels.keySet());
    }

    public DispatchReport dispatch() {
        List<DispatchReport.Dispatched> done = new ArrayList<>();
        long lastId = 0;
        while (true) {
            long after = lastId;
            Optional<DispatchReport.Dispatched> next = db.inTransaction(() -> notices.claimNext(clock.instant(), after).map(this::carryOut));
            if (next.isEmpty()) {
                break;
            }
            lastId = next.get().noticeId();
            done.add(next.get());
        }
        DispatchReport report = new DispatchReport(done);
        if (!done.isEmpty()) {
            LOG.info("dispatched {} notice(s): {} sent, {} task(s), {} skipped, {} deferred, {} failed, {} cancelled",
                    done.size(), report.count("SENT"), report.count("TASK_OPEN"), report.count("SKIPPED"),
                    report.count("DEFERRED"), report.count("FAILED"), report.count("CANCELLED"));
        }
        return report;
    }

    private DispatchReport.Dispatched carryOut(DueNotice notice) {
        List<DueNotice.Line> owed = new ArrayList<>();
        for (DueNotice.Line line : notice.lines()) {
            if (line.status() == ItemStatus.OPEN && line.open().isPositive()) {
                owed.add(line);
            } else {
                notices.dropLine(line.actionId(), "invoice was paid before the notice was sent");
            }
        }
        if (owed.isEmpty()) {
            return finish(notice, owed, NoticeEvent.CANCEL, "every invoice on it was paid before it was sent");
        }
        NoticeRenderer.Rendered message = renderer.render(notice, owed);
        if (!notice.channel().reachesCustomer()) {
            return finish(notice, owed, NoticeEvent.OPEN_TASK, message.subject());
        }
        ReminderChannel channel = channels.get(notice.channel());
        if (channel == null) {
            return finish(notice, owed, NoticeEvent.SKIP, "channel not configured: no " + notice.channel().label() + " account is set");
        }
        Optional<String> address = notice.channel() == Channel.EMAIL ? notice.email() : notice.phone();
        if (address.isEmpty()) {
            return finish(notice, owed, NoticeEvent.SKIP, "customer has no " + (notice.channel() == Channel.EMAIL ? "e-mail address" : "phone number"));
        }
        DeliveryResult result = channel.deliver(new ReminderMessage("notice-" + notice.noticeId(), notice.customerName(),
                address.get(), message.subject(), message.body(), message.attachments()));
        if (result instanceof DeliveryResult.Sent sent) {
            return finish(notice, owed, NoticeEvent.SEND, message.outcome(sent.providerMessageId()));
        }
        if (result instanceof DeliveryResult.Bounced bounced) {
            return finish(notice, owed, NoticeEvent.FAIL, bounced.reason());
        }
        return defer(notice, owed, ((DeliveryResult.Deferred) result).reason());
    }

    private DispatchReport.Dispatched defer(DueNotice notice, List<DueNotice.Line> owed, String reason) {
        if (notice.attempts() + 1 >= MAX_ATTEMPTS) {
            return finish(notice, owed, NoticeEvent.FAIL, "gave up after " + MAX_ATTEMPTS + " attempts: " + reason);
        }
        notices.deferred(notice.noticeId(), reason);
        events.append(new DispatchEvent.Deferred(notice.noticeId(), reason));
        return report(notice, owed, "DEFERRED", reason);
    }

    private DispatchReport.Dispatched finish(DueNotice notice, List<DueNotice.Line> owed, NoticeEvent event, String outcome) {
        notices.complete(notice.noticeId(), event, outcome);
        NoticeStatus status = NoticeLifecycle.TABLE.target(event);
        events.append(DispatchEvent.of(notice.noticeId(), event, outcome));
        return report(notice, owed, status.name(), outcome);
    }

    private static DispatchReport.Dispatched report(DueNotice notice, List<DueNotice.Line> owed, String status, String outcome) {
        List<DueNotice.Line> shown = owed.isEmpty() ? notice.lines() : owed;
        return new DispatchReport.Dispatched(notice.noticeId().value(), shown.stream().map(DueNotice.Line::number).collect(Collectors.joining(",")),
                shown.stream().map(DueNotice.Line::stepKey).distinct().collect(Collectors.joining(",")), notice.channel().label(),
                status, outcome);
    }
}
