package io.recoup.core.id;

/**
 * One action (one item on one policy step) of a notice (the row {@code action.id}), not the item it is about.
 * Prints as the bare number, as the event log and messages always showed it.
 */
public record ActionId(long value) {
    public ActionId {
        Ids.positive(value, "action");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
