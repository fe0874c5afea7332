package io.recoup.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways a step can reach a customer. {@code CALL} is a task for a person, not an automated call. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, CALL, LETTER;

    public static Optional<Channel> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
