package io.recoup.core.id;

/**
 * An allocation of a receipt's money to one item (the row {@code allocation.id}); its postings are keyed by it.
 * Prints as the bare number, as the event log and messages always showed it.
 */
public record AllocationId(long value) {
    public AllocationId {
        Ids.positive(value, "allocation");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
