package io.recoup.core.lifecycle;

/** What post-back does with a posting; {@link PostingLifecycle} says where it leads. */
public enum PostingEvent {
    POST
}
