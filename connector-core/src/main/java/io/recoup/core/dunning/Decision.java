package io.recoup.core.dunning;

/** What the engine decided for one item today, and why, in words. */
public record Decision(long itemId, String number, Outcome outcome, String reason) {
    /** The kinds of decision. */
    public enum Outcome { PLANNED, NOTHING_DUE, PAUSED, HELD, BELOW_MINIMUM }
}
