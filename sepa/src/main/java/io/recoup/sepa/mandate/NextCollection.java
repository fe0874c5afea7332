package io.recoup.sepa.mandate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the next collection on a mandate must carry: its sequence type and, when the mandate changed since the last
 * collection, the amendment details. Obtained from {@link Mandate#nextCollection} and handed back to
 * {@link Mandate#collected} once the collection went out.
 *
 * @param last true when this collection ends the mandate (the one-off collection, or the caller's final one)
 */
public record NextCollection(LocalDate collectionDate, SequenceType sequenceType, MandateAmendment amendment, boolean last) {

    public NextCollection {
        Objects.requireNonNull(collectionDate, "collectionDate");
        Objects.requireNonNull(sequenceType, "sequenceType");
    }

    public boolean isAmended() {
        return amendment != null;
    }
}
