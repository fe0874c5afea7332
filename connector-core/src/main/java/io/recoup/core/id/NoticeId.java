package io.recoup.core.id;

/**
 * A notice of the dunning outbox (the row {@code notice.id}); its actions have {@link ActionId}s. Prints as the
 * bare number, as the event log and messages always showed it.
 */
public record NoticeId(long value) {
    public NoticeId {
        Ids.positive(value, "notice");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
