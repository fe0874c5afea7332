package io.recoup.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The ways a step can reach a customer, and the hand-overs to people. {@code CALL} and {@code TASK} are tasks for a
 * person on the team; {@code AGENCY} hands the case to a collection agency. Only the message channels count against
 * contact caps.
 */
public enum Channel {
    EMAIL, SMS, WHATSAPP, LETTER, CALL, TASK, AGENCY;

    public static Optional<Channel> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
    }

    /** A message the customer receives (as opposed to work for a person). */
    public boolean reachesCustomer() {
        return this == EMAIL || this == SMS || this == WHATSAPP || this == LETTER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
