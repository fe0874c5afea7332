package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.id.NoticeId;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.dispatch.NoticeRepository;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What providers report after a send, brought back to its notice: each report (delivered, read, bounced, failed) is
 * stored once against the notice whose send got that provider id, in one transaction with what it changes. A message
 * reported undelivered fails its notice with the provider's reason, so the next planning run (the same day) takes the
 * step's next channel, or opens a task for a person when none is left. A report about a message we did not send is
 * ignored, a repeated one changes nothing.
 */
public final class DeliveryFeedback {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFeedback.class);

    private final Database db;
    private final DeliveryEvents deliveries;
    private final NoticeRepository notices;
    private final EventLog events;

    public DeliveryFeedback(Database db) {
        this.db = db;
        this.deliveries = new DeliveryEvents(db);
        this.notices = new NoticeRepository(db);
        this.events = new EventLog(db);
    }

    /** What came of one report. */
    public enum Outcome {
        /** No send of ours has this provider id. */
        UNKNOWN_MESSAGE,
        /** Stored before: the provider repeated itself. */
        DUPLICATE,
        /** Stored; nothing else changes (sent, delivered, read, or a failure of a notice already settled). */
        RECORDED,
        /** Stored, and the sent notice failed: its step goes to the next channel. */
        FALLBACK
    }

    /** Applies the reports of one callback in one transaction; their outcomes in order. */
    public List<Outcome> apply(List<DeliveryStatus> reports) {
        return db.inTransaction(() -> reports.stream().map(this::applyOne).toList());
    }

    public Outcome apply(DeliveryStatus report) {
        return apply(List.of(report)).get(0);
    }

    private Outcome applyOne(DeliveryStatus report) {
        Optional<NoticeId> notice = deliveries.noticeOf(report);
        if (notice.isEmpty()) {
            LOG.debug("{} report {} about message {}: not a message of ours", report.channel().label(), report.kind(),
                    report.providerMessageId());
            return Outcome.UNKNOWN_MESSAGE;
        }
        Optional<DeliveryEvents.NoticeState> state = deliveries.lockNotice(notice.get());
        if (!deliveries.record(notice.get(), report)) {
            return Outcome.DUPLICATE;
        }
        if (!report.kind().undelivered() || state.isEmpty() || !state.get().status().equals(NoticeStatus.SENT.name())) {
            return Outcome.RECORDED;
        }
        String reason = Outcomes.readable("the " + report.channel().label() + " provider reported it "
                + report.kind().name().toLowerCase(java.util.Locale.ROOT) + (report.reason().isBlank() ? "" : ": " + report.reason()));
        notices.undelivered(notice.get(), reason);
        events.append(DispatchEvent.of(notice.get(), NoticeEvent.UNDELIVERED, reason));
        LOG.info("notice {} was not delivered on {}; its step goes to the next channel", notice.get(), report.channel().label());
        return Outcome.FALLBACK;
    }

    /** The customers with this phone number opted out of {@code channel} (a "STOP" reply); how many they were. */
    public int optOut(String phone, Channel channel) {
        return db.inTransaction(() -> deliveries.optOutByPhone(phone, channel));
    }
}
