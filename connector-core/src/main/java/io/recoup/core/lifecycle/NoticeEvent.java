package io.recoup.core.lifecycle;

/** What dispatch can do with a notice or one of its actions; {@link NoticeLifecycle} says where each leads. */
public enum NoticeEvent {
    SEND,
    OPEN_TASK,
    SKIP,
    FAIL,
    /** The whole notice, or one action on it whose item was paid or paused since planning. */
    CANCEL,
    /** The channel asked to try later: the notice is planned again, its attempts counted. */
    DEFER,
    /** About to be handed to its channel; recorded (committed) before the hand-over. */
    HAND_OVER,
    /** Could not be carried out for a reason that will not go away: a person takes it from here. */
    PARK,
    /** Sent, then reported by the provider as never delivered (a bounce, an undelivered SMS, a call not answered). */
    UNDELIVERED
}
