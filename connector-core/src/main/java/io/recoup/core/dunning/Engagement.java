package io.recoup.core.dunning;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something the customer did with a message about an item, as the providers and our own link redirect report it:
 * read it (WhatsApp's read status) or opened its payment link. A policy step may be left out because of it
 * ({@link io.recoup.core.policy.SkipIf}).
 */
public record Engagement(LocalDate day, Kind kind) {
    /** What the customer did. */
    public enum Kind {
        READ("a message about it was read"), LINK_OPENED("its payment link was opened");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** "its payment link was opened": how an explanation says it. */
        public String words() {
            return words;
        }
    }

    public Engagement {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
    }
}
