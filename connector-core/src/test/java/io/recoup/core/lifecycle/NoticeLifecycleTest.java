package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeLifecycleTest extends LifecycleTableContract<NoticeStatus, NoticeEvent> {

    NoticeLifecycleTest() {
        super(NoticeLifecycle.TABLE, NoticeEvent.class, NoticeStatus::isFinal);
    }

    @Test
    void keepsADeferredNoticePlannedAndCountsADroppedActionAsCancelledOnce() {
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.PLANNED, NoticeEvent.DEFER, 1)).isEqualTo(NoticeStatus.PLANNED);
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.CANCELLED, NoticeEvent.CANCEL)).isTrue();
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.SENT, NoticeEvent.DEFER)).isFalse();
    }
}
