package io.recoup.core.lifecycle;

/** What dispatch can do with a notice or one of its actions; {@link NoticeLifecycle} says where each leads. */
public enum NoticeEvent {
    SEND,
    OPEN_TASK,
    SKIP,
    FAIL,
    /** The whole notice, or one action on it whose item was paid since planning. */
    CANCEL,
    /** The channel asked to try later: the notice stays planned, its attempts counted. */
    DEFER
}
