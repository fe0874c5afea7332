package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptLifecycleTest extends LifecycleTableContract<ReceiptStatus, ReceiptEvent> {

    ReceiptLifecycleTest() {
        super(ReceiptLifecycle.TABLE, ReceiptEvent.class, ReceiptStatus::isFinal);
    }

    @Test
    void letsTheMatcherSettleANewReceiptOnlyOnce() {
        assertThat(ReceiptLifecycle.TABLE.allowed(ReceiptStatus.NEW)).containsExactlyInAnyOrder(ReceiptEvent.ALLOCATE_FULLY,
                ReceiptEvent.ALLOCATE_PARTLY, ReceiptEvent.LEAVE_UNMATCHED, ReceiptEvent.RETURN);
        // unmatched is another outcome of the same look, not one that came after a part allocation
        assertThat(ReceiptLifecycle.TABLE.alreadyApplied(ReceiptStatus.UNMATCHED, ReceiptEvent.ALLOCATE_PARTLY)).isFalse();
        // a part allocation a person later completed has been applied: a replay changes nothing
        assertThat(ReceiptLifecycle.TABLE.alreadyApplied(ReceiptStatus.MATCHED, ReceiptEvent.ALLOCATE_PARTLY)).isTrue();
    }

    @Test
    void aPersonResolvesOnlyWhatWaitsInTheExceptionsQueueAndTheBankCanSendAnySettledReceiptBack() {
        for (ReceiptStatus state : ReceiptStatus.values()) {
            boolean resolvable = ReceiptLifecycle.TABLE.allows(state, ReceiptEvent.RESOLVE_FULLY)
                    || ReceiptLifecycle.TABLE.allows(state, ReceiptEvent.MARK_NOT_OURS);
            assertThat(resolvable).as(state.name()).isEqualTo(state.waitsForAPerson());
        }
        assertThat(ReceiptLifecycle.TABLE.sources(ReceiptEvent.RETURN)).doesNotContain(ReceiptStatus.RETURNED);
        assertThat(ReceiptLifecycle.TABLE.alreadyApplied(ReceiptStatus.RETURNED, ReceiptEvent.RETURN)).isTrue();
    }
}
