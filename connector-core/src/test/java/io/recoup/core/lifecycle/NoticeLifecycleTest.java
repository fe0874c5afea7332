package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoticeLifecycleTest extends LifecycleTableContract<NoticeStatus, NoticeEvent> {

    NoticeLifecycleTest() {
        super(NoticeLifecycle.TABLE, NoticeEvent.class, NoticeStatus::isFinal);
    }

    @Test
    void plansADeferredNoticeAgainAndCountsADroppedActionAsCancelledOnce() {
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.SENDING, NoticeEvent.DEFER, 1)).isEqualTo(NoticeStatus.PLANNED);
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.CANCELLED, NoticeEvent.CANCEL)).isTrue();
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.SENT, NoticeEvent.DEFER)).isFalse();
    }

    @Test
    void recordsSendingBeforeAChannelCanAnswerSoOnlyAHandedOverNoticeIsSentFailedOrDeferred() {
        assertThat(NoticeLifecycle.TABLE.sources(NoticeEvent.SEND)).containsExactly(NoticeStatus.SENDING);
        assertThat(NoticeLifecycle.TABLE.sources(NoticeEvent.FAIL)).containsExactly(NoticeStatus.SENDING);
        assertThat(NoticeLifecycle.TABLE.sources(NoticeEvent.DEFER)).containsExactly(NoticeStatus.SENDING);
        assertThatThrownBy(() -> NoticeLifecycle.TABLE.next(NoticeStatus.PLANNED, NoticeEvent.SEND, 1))
                .isInstanceOf(IllegalTransition.class);
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.SENT, NoticeEvent.HAND_OVER)).isTrue();
    }

    @Test
    void parksANoticeForAPersonBeforeOrDuringItsSendAndKeepsItsStepTaken() {
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.PLANNED, NoticeEvent.PARK, 1)).isEqualTo(NoticeStatus.PARKED);
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.SENDING, NoticeEvent.PARK, 1)).isEqualTo(NoticeStatus.PARKED);
        assertThat(NoticeLifecycle.TABLE.isFinal(NoticeStatus.PARKED)).isTrue();
        assertThat(NoticeStatus.PARKED.takesTheStep()).isTrue();
        assertThat(NoticeStatus.SENDING.takesTheStep()).isTrue();
        assertThat(NoticeStatus.FAILED.takesTheStep()).isFalse();
    }

    @Test
    void failsASentNoticeItsProviderReportsUndeliveredSoItsStepCanGoToTheNextChannel() {
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.SENT, NoticeEvent.UNDELIVERED, 1)).isEqualTo(NoticeStatus.FAILED);
        assertThat(NoticeLifecycle.TABLE.sources(NoticeEvent.UNDELIVERED)).containsExactly(NoticeStatus.SENT);
        assertThat(NoticeLifecycle.TABLE.alreadyApplied(NoticeStatus.FAILED, NoticeEvent.UNDELIVERED)).isTrue();
        assertThatThrownBy(() -> NoticeLifecycle.TABLE.next(NoticeStatus.TASK_OPEN, NoticeEvent.UNDELIVERED, 1))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void letsAPersonTakeOverAnInterruptedSend() {
        assertThat(NoticeLifecycle.TABLE.next(NoticeStatus.SENDING, NoticeEvent.OPEN_TASK, 1)).isEqualTo(NoticeStatus.TASK_OPEN);
    }
}
