package io.recoup.core.lifecycle;

import static io.recoup.core.lifecycle.ReceiptStatus.MATCHED;
import static io.recoup.core.lifecycle.ReceiptStatus.NEW;
import static io.recoup.core.lifecycle.ReceiptStatus.PARTLY_ALLOCATED;
import static io.recoup.core.lifecycle.ReceiptStatus.UNMATCHED;

import io.recoup.core.lifecycle.Lifecycle.Transition;
import java.util.List;

/** The lifecycle of a receipt: recorded new, then looked at by the matcher (or settled as a direct debit) once. */
public final class ReceiptLifecycle {

    public static final Lifecycle<ReceiptStatus, ReceiptEvent> TABLE = Lifecycle.of("receipt", NEW, List.of(
            new Transition<>(NEW, ReceiptEvent.ALLOCATE_FULLY, MATCHED),
            new Transition<>(NEW, ReceiptEvent.ALLOCATE_PARTLY, PARTLY_ALLOCATED),
            new Transition<>(NEW, ReceiptEvent.LEAVE_UNMATCHED, UNMATCHED)));

    private ReceiptLifecycle() {
    }
}
