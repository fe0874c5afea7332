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

        /**
         * A step the customer must have been warned of before it happens (an agency or a lawyer takes over), as opposed
         * to a task for the team: the onboarding rule never lets a firm escalation be an item's first contact.
         */
        public boolean firm() {
            return this != TASK;
        }
    }

    public Escalation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
    }
}
