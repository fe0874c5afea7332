package io.recoup.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptLifecycleTest extends LifecycleTableContract<ReceiptStatus, ReceiptEvent> {

    ReceiptLifecycleTest() {
        super(ReceiptLifecycle.TABLE, ReceiptEvent.class, ReceiptStatus::isFinal);
    }

    @Test
    void letsTheMatcherSettleANewReceiptOnlyOnce() {
        assertThat(ReceiptLifecycle.TABLE.allowed(ReceiptStatus.NEW)).containsExactlyInAnyOrder(ReceiptEvent.values());
        assertThat(ReceiptLifecycle.TABLE.alreadyApplied(ReceiptStatus.MATCHED, ReceiptEvent.ALLOCATE_PARTLY)).isFalse();
    }
}
