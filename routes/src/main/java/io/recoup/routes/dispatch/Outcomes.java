package io.recoup.routes.dispatch;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.lifecycle.NoticeLifecycle;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.ClaimedNotice;
import io.recoup.store.dispatch.DueNotice;
import io.recoup.store.dispatch.NoticeRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of a notice: its move along the notice lifecycle, the event, and the line of the dispatch
 * report. Parking is here too, the one place a notice is handed to a person because something failed on it.
 */
final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatch.class);
    /** A reason is read by a person on the dashboard; an exception quoting a 5,000-character field is cut here. */
    static final int MAX_REASON = 500;

    private final NoticeRepository notices;
    private final EventLog events;

    Outcomes(NoticeRepository notices, EventLog events) {
        this.notices = notices;
        this.events = events;
    }

    /** Carries out {@code event} on the notice; {@code shown} are the lines the report names. */
    DispatchReport.Dispatched finish(DueNotice notice, List<DueNotice.Line> shown, NoticeEvent event, String outcome,
                                     boolean possibleDuplicate) {
        String text = readable(outcome);
        notices.complete(notice.noticeId(), event, text);
        events.append(DispatchEvent.of(notice.noticeId(), event, text));
        return report(notice, shown, NoticeLifecycle.TABLE.target(event).name(), text, possibleDuplicate);
    }

    DispatchReport.Dispatched finish(DueNotice notice, List<DueNotice.Line> shown, NoticeEvent event, String outcome) {
        return finish(notice, shown, event, outcome, false);
    }

    /**
     * Parks the notice for a person with {@code why} and what failed: it leaves the queue for good, so the rest goes
     * on, and its one stack trace is logged here.
     */
    DispatchReport.Dispatched park(ClaimedNotice claim, String why, RuntimeException failure) {
        String reason = readable(why + ": " + describe(failure));
        notices.complete(claim.noticeId(), NoticeEvent.PARK, reason);
        events.append(DispatchEvent.of(claim.noticeId(), NoticeEvent.PARK, reason));
        LOG.warn("notice {} parked for a person, its reason is on the dashboard", claim.noticeId(), failure);
        return new DispatchReport.Dispatched(claim.noticeId().value(), claim.invoiceNumbers(), claim.leadStep(),
                claim.channel().label(), NoticeLifecycle.TABLE.target(NoticeEvent.PARK).name(), reason, false);
    }

    static DispatchReport.Dispatched report(DueNotice notice, List<DueNotice.Line> shown, String status, String outcome,
                                            boolean possibleDuplicate) {
        return new DispatchReport.Dispatched(notice.noticeId().value(),
                shown.stream().map(DueNotice.Line::number).collect(Collectors.joining(",")),
                shown.stream().map(DueNotice.Line::stepKey).distinct().collect(Collectors.joining(",")),
                notice.channel().label(), status, outcome, possibleDuplicate);
    }

    static String describe(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** What a person can read and PostgreSQL can store: no NUL character, at most {@link #MAX_REASON} characters. */
    static String readable(String text) {
        String clean = text.replace('\u0000', '?');
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON - 1) + "…";
    }
}
