package io.recoup.core.policy;

import java.util.Objects;

/** The end of a ladder: on {@code offsetDays} the case goes to a person, an agency or a legal letter, once. */
public record Escalation(int offsetDays, Kind kind, String template) {
    /** Who takes over. */
    public enum Kind {
        TASK(Channel.TASK), AGENCY(Channel.AGENCY), LEGAL_LETTER(Channel.LETTER);

        private final Channel channel;

        Kind(Channel channel) {
            this.channel = channel;
        }

        public Channel channel() {
            return channel;
        }
    }

    public Escalation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
    }
}
