package io.recoup.core.dunning;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the engine decided for one item today, and why, in words. The words are put together only when asked for:
 * a planning run over a million items decides for all of them but explains only what a person looks at.
 */
public final class Decision {
    /** The kinds of decision. */
    public enum Outcome { PLANNED, NOTHING_DUE, PAUSED, HELD, BELOW_MINIMUM, SKIPPED }

    private final long itemId;
    private final String number;
    private final Outcome outcome;
    private final Supplier<String> reason;
    private final String step;

    public Decision(long itemId, String number, Outcome outcome, Supplier<String> reason) {
        this(itemId, number, outcome, null, reason);
    }

    /** A decision about one step of the ladder ({@code step}, its key), such as leaving it out. */
    public Decision(long itemId, String number, Outcome outcome, String step, Supplier<String> reason) {
        this.step = step;
        this.itemId = itemId;
        this.number = Objects.requireNonNull(number, "number");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Decision(long itemId, String number, Outcome outcome, String reason) {
        this(itemId, number, outcome, () -> reason);
    }

    public long itemId() {
        return itemId;
    }

    public String number() {
        return number;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The key of the step the decision is about, when it is about one (a skipped step). */
    public java.util.Optional<String> step() {
        return java.util.Optional.ofNullable(step);
    }

    public String reason() {
        return reason.get();
    }

    @Override
    public String toString() {
        return number + " " + outcome + ": " + reason();
    }
}
