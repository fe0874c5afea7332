package io.recoup.core.policy;

import java.util.Objects;

/**
 * One step of a collection policy: on {@code offsetDays} relative to the due date (negative = before), reach the
 * customer on {@code channel} with {@code template}.
 */
public record PolicyStep(String id, int offsetDays, Channel channel, String template) {
    public PolicyStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
    }

    /** "due+3", "due-3", "due": how a person reads the timing. */
    public String timing() {
        return offsetDays == 0 ? "due" : offsetDays > 0 ? "due+" + offsetDays : "due" + offsetDays;
    }
}
