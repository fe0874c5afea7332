package io.recoup.core.event;

import io.recoup.core.id.AllocationId;

/** What post-back did in the source ledger. */
public sealed interface PostBackEvent extends RecoupEvent {

    @Override
    default String actor() {
        return "post-back";
    }

    /** The allocation's posting is in the ledger, in {@code batch} (or found there already). */
    record Posted(AllocationId allocation, String documentNumber, String batch) implements PostBackEvent {
        @Override public Subject subject() { return Subject.allocation(allocation); }
        @Override public String what() { return "posted " + documentNumber; }
        @Override public String why() { return batch; }
    }
}
