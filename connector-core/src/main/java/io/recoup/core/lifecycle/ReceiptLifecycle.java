package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.ReceiptStatus.MATCHED;
import static io.recoup.core.lifecycle.ReceiptStatus.NEW;
import static io.recoup.core.lifecycle.ReceiptStatus.NOT_OURS;
import static io.recoup.core.lifecycle.ReceiptStatus.PARTLY_ALLOCATED;
import static io.recoup.core.lifecycle.ReceiptStatus.REFUND_REQUESTED;
import static io.recoup.core.lifecycle.ReceiptStatus.RETURNED;
import static io.recoup.core.lifecycle.ReceiptStatus.UNMATCHED;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/**
 * The lifecycle of a receipt: recorded new, looked at by the matcher (or settled as a direct debit) once; what waits
 * in the exceptions queue is resolved by a person; any receipt but a new one can be sent back by the bank.
 */
public final class ReceiptLifecycle {
    public static final Lifecycle<ReceiptStatus, ReceiptEvent> TABLE = Lifecycle.of("receipt", NEW, List.of(
            new Transition<>(NEW, ReceiptEvent.ALLOCATE_FULLY, MATCHED),
            new Transition<>(NEW, ReceiptEvent.ALLOCATE_PARTLY, PARTLY_ALLOCATED),
            new Transition<>(NEW, ReceiptEvent.LEAVE_UNMATCHED, UNMATCHED),
            new Transition<>(UNMATCHED, ReceiptEvent.RESOLVE_FULLY, MATCHED),
            new Transition<>(PARTLY_ALLOCATED, ReceiptEvent.RESOLVE_FULLY, MATCHED),
            new Transition<>(UNMATCHED, ReceiptEvent.RESOLVE_PARTLY, PARTLY_ALLOCATED),
            new Transition<>(UNMATCHED, ReceiptEvent.MARK_NOT_OURS, NOT_OURS),
            new Transition<>(PARTLY_ALLOCATED, ReceiptEvent.MARK_NOT_OURS, NOT_OURS),
            new Transition<>(UNMATCHED, ReceiptEvent.REQUEST_REFUND, REFUND_REQUESTED),
            new Transition<>(PARTLY_ALLOCATED, ReceiptEvent.REQUEST_REFUND, REFUND_REQUESTED),
            new Transition<>(NEW, ReceiptEvent.RETURN, RETURNED),
            new Transition<>(MATCHED, ReceiptEvent.RETURN, RETURNED),
            new Transition<>(PARTLY_ALLOCATED, ReceiptEvent.RETURN, RETURNED),
            new Transition<>(UNMATCHED, ReceiptEvent.RETURN, RETURNED),
            new Transition<>(NOT_OURS, ReceiptEvent.RETURN, RETURNED),
            new Transition<>(REFUND_REQUESTED, ReceiptEvent.RETURN, RETURNED)));

    private ReceiptLifecycle() {
    }
}
