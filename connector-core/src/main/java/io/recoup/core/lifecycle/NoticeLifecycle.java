package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.NoticeStatus.CANCELLED;
import static io.recoup.core.lifecycle.NoticeStatus.FAILED;
import static io.recoup.core.lifecycle.NoticeStatus.PLANNED;
import static io.recoup.core.lifecycle.NoticeStatus.SENT;
import static io.recoup.core.lifecycle.NoticeStatus.SKIPPED;
import static io.recoup.core.lifecycle.NoticeStatus.TASK_OPEN;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of a notice and of the actions it carries: planned, then carried out once. The actions of a notice
 * follow it, except one cancelled on its own when its item was paid before the notice went out.
 */
public final class NoticeLifecycle {

    public static final Lifecycle<NoticeStatus, NoticeEvent> TABLE = Lifecycle.of("notice", PLANNED, List.of(
            new Transition<>(PLANNED, NoticeEvent.SEND, SENT),
            new Transition<>(PLANNED, NoticeEvent.OPEN_TASK, TASK_OPEN),
            new Transition<>(PLANNED, NoticeEvent.SKIP, SKIPPED),
            new Transition<>(PLANNED, NoticeEvent.FAIL, FAILED),
            new Transition<>(PLANNED, NoticeEvent.CANCEL, CANCELLED),
            new Transition<>(PLANNED, NoticeEvent.DEFER, PLANNED)));

    private NoticeLifecycle() {
    }
}
