package io.recoup.core.lifecycle;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/** The lifecycle of a posting, of either {@link PostingKind}: pending, then posted exactly once. */
public final class PostingLifecycle {

    public static final Lifecycle<PostingStatus, PostingEvent> TABLE = Lifecycle.of("posting", PostingStatus.PENDING,
            List.of(new Transition<>(PostingStatus.PENDING, PostingEvent.POST, PostingStatus.POSTED)));

    private PostingLifecycle() {
    }
}
