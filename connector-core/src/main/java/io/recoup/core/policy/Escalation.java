package io.recoup.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a ladder: on {@code offsetDays} the case goes to a person, an agency or a legal letter, once. A legal
 * letter may name how it reaches the customer: {@code channels} in fallback order (e.g. {@code [letter, email]}: by
 * post where a letter channel is set up, else by e-mail) and, with {@code letter}, the letter itself as a file on the
 * message (a PDF on the e-mail, the late charges itemised). Without them it goes out as before: on its kind's channel,
 * with no file. It stays firm either way: how it is delivered does not make it a first contact.
 */
public record Escalation(int offsetDays, Kind kind, String template, List<Channel> channels, Optional<LetterFormat> letter) {
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
        channels = channels.isEmpty() ? List.of(kind.channel()) : List.copyOf(channels);
        Objects.requireNonNull(letter, "letter");
    }

    /** An escalation on its kind's own channel, with no letter file: what a policy without {@code channels} says. */
    public Escalation(int offsetDays, Kind kind, String template) {
        this(offsetDays, kind, template, List.of(), Optional.empty());
    }
}
