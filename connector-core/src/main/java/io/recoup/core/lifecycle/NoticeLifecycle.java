package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.NoticeStatus.CANCELLED;
import static io.recoup.core.lifecycle.NoticeStatus.FAILED;
import static io.recoup.core.lifecycle.NoticeStatus.PARKED;
import static io.recoup.core.lifecycle.NoticeStatus.PLANNED;
import static io.recoup.core.lifecycle.NoticeStatus.SENDING;
import static io.recoup.core.lifecycle.NoticeStatus.SENT;
import static io.recoup.core.lifecycle.NoticeStatus.SKIPPED;
import static io.recoup.core.lifecycle.NoticeStatus.TASK_OPEN;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of a notice and of the actions it carries: planned, then carried out once. A message for the customer
 * passes through {@code SENDING}, recorded before the channel gets it, so only a channel's answer can make it
 * {@code SENT}, {@code FAILED} or planned again (deferred), and a crash in between leaves a trace instead of a blind
 * resend. A sent message the provider later reports undelivered fails after all. A notice that cannot be carried out for a reason that will not go away is {@code PARKED} for a person. The
 * actions of a notice follow it, except one cancelled on its own when its item was paid or paused before the notice
 * went out.
 */
public final class NoticeLifecycle {

    public static final Lifecycle<NoticeStatus, NoticeEvent> TABLE = Lifecycle.of("notice", PLANNED, List.of(
            new Transition<>(PLANNED, NoticeEvent.HAND_OVER, SENDING),
            new Transition<>(PLANNED, NoticeEvent.OPEN_TASK, TASK_OPEN),
            new Transition<>(PLANNED, NoticeEvent.SKIP, SKIPPED),
            new Transition<>(PLANNED, NoticeEvent.CANCEL, CANCELLED),
            new Transition<>(PLANNED, NoticeEvent.PARK, PARKED),
            new Transition<>(SENDING, NoticeEvent.SEND, SENT),
            new Transition<>(SENDING, NoticeEvent.FAIL, FAILED),
            new Transition<>(SENDING, NoticeEvent.DEFER, PLANNED),
            // an interrupted send found on restart: a person decides, or every item on it was paid meanwhile
            new Transition<>(SENDING, NoticeEvent.OPEN_TASK, TASK_OPEN),
            new Transition<>(SENDING, NoticeEvent.CANCEL, CANCELLED),
            new Transition<>(SENDING, NoticeEvent.PARK, PARKED),
            // the provider reported afterwards that it never reached the customer (bounce, undelivered SMS, no answer):
            // the step may be planned again, on the next channel of its fallback order
            new Transition<>(SENT, NoticeEvent.UNDELIVERED, FAILED)));

    private NoticeLifecycle() {
    }
}
