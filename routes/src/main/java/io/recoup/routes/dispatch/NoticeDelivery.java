package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.DeliveryStatus;
import io.recoup.routes.dispatch.NoticePreparation.Step.HandOver;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.dispatch.NoticeRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * Hands a message recorded as being sent to its channel and records the answer, in one transaction that holds the
 * notice's lock from before the hand-over until the answer is committed: a dispatcher looking for interrupted sends
 * skips it meanwhile. Sent, bounced (failed: the next plan may use another channel), deferred (planned again, given up
 * after {@link ReminderDispatch#MAX_ATTEMPTS}), or parked for a person when the channel itself fails. A send and a
 * refusal are stored as delivery events too, the send with the provider's id that its later reports will name.
 */
final class NoticeDelivery {
    private final NoticeRepository notices;
    private final EventLog events;
    private final Outcomes outcomes;
    private final DeliveryEvents deliveries;
    private final Clock clock;

    NoticeDelivery(NoticeRepository notices, EventLog events, Outcomes outcomes, DeliveryEvents deliveries, Clock clock) {
        this.notices = notices;
        this.events = events;
        this.outcomes = outcomes;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What came of the hand-over; empty when another dispatcher took the notice over as interrupted first. */
    Optional<DispatchReport.Dispatched> deliver(HandOver h) {
        if (!notices.lockHandedOver(h.notice().noticeId())) {
            return Optional.empty();
        }
        DeliveryResult result;
        try {
            result = h.channel().deliver(h.message());
        } catch (RuntimeException e) {
            return Optional.of(outcomes.park(h.notice().claim(), "the " + h.channel().channel().label()
                    + " channel failed while sending it, so it may or may not have gone out", e));
        }
        return Optional.of(record(h, result));
    }

    private DispatchReport.Dispatched record(HandOver h, DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent sent) {
            deliveries.record(h.notice().noticeId(), new DeliveryStatus(h.channel().channel(), sent.providerMessageId(),
                    DeliveryStatus.Kind.SENT, "", clock.instant()));
            return outcomes.finish(h.notice(), h.owed(), NoticeEvent.SEND, h.rendered().outcome(sent.providerMessageId()),
                    h.possibleDuplicate());
        }
        if (result instanceof DeliveryResult.Bounced bounced) {
            // refused at the hand-over, so the provider gave no id: the message's own key names it
            deliveries.record(h.notice().noticeId(), new DeliveryStatus(h.channel().channel(), h.message().idempotencyKey(),
                    DeliveryStatus.Kind.BOUNCED, Outcomes.readable(bounced.reason()), clock.instant()));
            return outcomes.finish(h.notice(), h.owed(), NoticeEvent.FAIL, bounced.reason());
        }
        String reason = Outcomes.readable(((DeliveryResult.Deferred) result).reason());
        if (h.attempts() + 1 >= ReminderDispatch.MAX_ATTEMPTS) {
            return outcomes.finish(h.notice(), h.owed(), NoticeEvent.FAIL, "gave up after " + ReminderDispatch.MAX_ATTEMPTS
                    + " attempts: " + reason);
        }
        notices.deferred(h.notice().noticeId(), reason);
        events.append(DispatchEvent.of(h.notice().noticeId(), NoticeEvent.DEFER, reason));
        return Outcomes.report(h.notice(), h.owed(), "DEFERRED", reason, false);
    }
}
