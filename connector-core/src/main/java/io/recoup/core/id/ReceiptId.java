package io.recoup.core.id;

/**
 * A receipt (the row {@code receipt.id}): a payment as received, before and after matching. Prints as the bare
 * number, as the event log and messages always showed it.
 */
public record ReceiptId(long value) {
    public ReceiptId {
        Ids.positive(value, "receipt");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
