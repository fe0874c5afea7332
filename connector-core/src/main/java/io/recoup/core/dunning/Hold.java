package io.recoup.core.dunning;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** Something that pauses dunning of an item or a whole customer: an open dispute or a dunning block with a reason. */
public record Hold(Kind kind, String reason, LocalDate since, Optional<LocalDate> until) {
    /** Why dunning is paused. */
    public enum Kind { DISPUTE, BLOCK }

    public Hold {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(since) && until.map(u -> !day.isAfter(u)).orElse(true);
    }

    @Override
    public String toString() {
        return (kind == Kind.DISPUTE ? "dispute" : "dunning block") + " since " + since + until.map(u -> " until " + u).orElse("")
                + ": " + reason;
    }
}
