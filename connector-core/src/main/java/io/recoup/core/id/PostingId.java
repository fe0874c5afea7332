package io.recoup.core.id;

/**
 * A posting of the post-back outbox (the row {@code posting.id}), not the allocation it applies. Prints as the bare
 * number, as the event log and messages always showed it.
 */
public record PostingId(long value) {
    public PostingId {
        Ids.positive(value, "posting");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
