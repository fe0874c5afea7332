package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostingLifecycleTest extends LifecycleTableContract<PostingStatus, PostingEvent> {

    PostingLifecycleTest() {
        super(PostingLifecycle.TABLE, PostingEvent.class, PostingStatus::isFinal);
    }

    @Test
    void countsAPostingFoundPostedAsAlreadyPosted() {
        assertThat(PostingLifecycle.TABLE.alreadyApplied(PostingStatus.POSTED, PostingEvent.POST)).isTrue();
    }
}
