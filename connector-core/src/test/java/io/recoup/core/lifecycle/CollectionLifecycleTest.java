package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.CollectionStatus.ACCEPTED;
import static io.recoup.core.lifecycle.CollectionStatus.CANCELLED;
import static io.recoup.core.lifecycle.CollectionStatus.PLANNED;
import static io.recoup.core.lifecycle.CollectionStatus.PRE_NOTIFIED;
import static io.recoup.core.lifecycle.CollectionStatus.REJECTED;
import static io.recoup.core.lifecycle.CollectionStatus.RETURNED;
import static io.recoup.core.lifecycle.CollectionStatus.SETTLED;
import static io.recoup.core.lifecycle.CollectionStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CollectionLifecycleTest extends LifecycleTableContract<CollectionStatus, CollectionEvent> {

    private static final Lifecycle<CollectionStatus, CollectionEvent> TABLE = CollectionLifecycle.TABLE;

    CollectionLifecycleTest() {
        super(CollectionLifecycle.TABLE, CollectionEvent.class, CollectionStatus::isFinal);
    }

    @Test
    void letsARejectOrReturnReachEveryPresentedCollectionAndNothingElse() {
        assertThat(TABLE.sources(CollectionEvent.REJECT)).containsExactlyInAnyOrder(SUBMITTED, ACCEPTED, SETTLED);
        assertThat(TABLE.sources(CollectionEvent.RETURN)).containsExactlyInAnyOrder(SUBMITTED, ACCEPTED, SETTLED);
        assertThat(TABLE.sources(CollectionEvent.WITHDRAW)).containsExactlyInAnyOrder(PLANNED, PRE_NOTIFIED);
    }

    @Test
    void countsACollectionThatMovedOnAsAlreadyAcceptedOrSettled() {
        // a second import of the same pain.002, or a settlement run after a reject came in
        assertThat(TABLE.alreadyApplied(ACCEPTED, CollectionEvent.ACCEPT)).isTrue();
        assertThat(TABLE.alreadyApplied(SETTLED, CollectionEvent.ACCEPT)).isTrue();
        assertThat(TABLE.alreadyApplied(REJECTED, CollectionEvent.SETTLE)).isTrue();
        assertThat(TABLE.alreadyApplied(RETURNED, CollectionEvent.SETTLE)).isTrue();
        assertThat(TABLE.alreadyApplied(CANCELLED, CollectionEvent.WITHDRAW)).isTrue();
    }

    @Test
    void doesNotCountAWithdrawnOrNotYetSubmittedCollectionAsSettled() {
        assertThat(TABLE.alreadyApplied(CANCELLED, CollectionEvent.SETTLE)).isFalse();
        assertThat(TABLE.alreadyApplied(PLANNED, CollectionEvent.SUBMIT)).isFalse();
        assertThat(TABLE.alreadyApplied(SUBMITTED, CollectionEvent.WITHDRAW)).isFalse();
        assertThat(TABLE.alreadyApplied(SUBMITTED, CollectionEvent.MISS_SUBMISSION_DAY)).isFalse();
    }

    @Test
    void refusesToSettleAWithdrawnCollectionNamingStateAndEvent() {
        assertThatThrownBy(() -> TABLE.next(CANCELLED, CollectionEvent.SETTLE, 42))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("collection 42: event SETTLE is not allowed in state CANCELLED (allowed there: none, the state is final)");
        assertThatThrownBy(() -> TABLE.next(PLANNED, CollectionEvent.SUBMIT, 42))
                .hasMessage("collection 42: event SUBMIT is not allowed in state PLANNED (allowed there: [PRE_NOTIFY, WITHDRAW])");
    }
}
