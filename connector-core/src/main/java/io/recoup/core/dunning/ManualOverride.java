package io.recoup.core.dunning;

import java.time.LocalDate;

/** A person's instruction for one item: send a step now (on {@code on}), or skip a step. */
public record ManualOverride(Kind kind, String stepKey, LocalDate on, String by) {
    /** What the person asked for. */
    public enum Kind { SEND_NOW, SKIP_STEP }
}
