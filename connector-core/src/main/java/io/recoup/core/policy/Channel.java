package io.recoup.core.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ways a step can reach a customer, and the hand-overs to people. {@code CALL} and {@code TASK} are tasks for a
 * person on the team; {@code AGENCY} hands the case to a collection agency. Only the message channels count against
 * contact caps.
 */
public enum Channel {
    EMAIL, SMS, WHATSAPP, LETTER, CALL, TASK, AGENCY;

    // the four answers of reachableWith, made once: the planner asks for every customer
    private static final Set<Channel> LETTER_ONLY = Collections.unmodifiableSet(EnumSet.of(LETTER));
    private static final Set<Channel> LETTER_EMAIL = Collections.unmodifiableSet(EnumSet.of(LETTER, EMAIL));
    private static final Set<Channel> LETTER_PHONE = Collections.unmodifiableSet(EnumSet.of(LETTER, SMS, WHATSAPP));
    private static final Set<Channel> ALL_MESSAGES = Collections.unmodifiableSet(EnumSet.of(LETTER, EMAIL, SMS, WHATSAPP));

    public static Optional<Channel> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
    }

    /**
     * The message channels that can reach a customer with these contacts: a letter always (the ledger has the
     * address), e-mail with an e-mail address, SMS and WhatsApp with a phone number. The one place this is said.
     */
    public static Set<Channel> reachableWith(boolean hasEmail, boolean hasPhone) {
        if (hasEmail) {
            return hasPhone ? ALL_MESSAGES : LETTER_EMAIL;
        }
        return hasPhone ? LETTER_PHONE : LETTER_ONLY;
    }

    /** A message the customer receives (as opposed to work for a person). */
    public boolean reachesCustomer() {
        return this == EMAIL || this == SMS || this == WHATSAPP || this == LETTER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
