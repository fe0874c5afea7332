package io.recoup.core.dunning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The first reminder the onboarding rule sends instead of a firm escalation, kept as the step key of the action it
 * creates ({@code onboarding@2026-12-01+14}: planned on 1 December with 14 days' grace). The key is all the next
 * run needs to know when the escalation may follow, so the engine stays stateless and the store needs no new column;
 * the grace stated to the customer holds even if the policy's grace-days change later.
 */
public record OnboardingStep(LocalDate on, int graceDays) {
    /** Every onboarding key starts with this. */
    public static final String PREFIX = "onboarding@";
    /** The message template that states the grace period ({@code ${grace.until}}, {@code ${grace.days}}). */
    public static final String TEMPLATE = "final-reminder";

    public OnboardingStep {
        Objects.requireNonNull(on, "on");
        if (graceDays < 1) {
            throw new IllegalArgumentException("an onboarding grace period has at least one day, not " + graceDays);
        }
    }

    public String key() {
        return PREFIX + on + "+" + graceDays;
    }

    /** The last day of the grace period: the customer is asked to pay by then. */
    public LocalDate payBy() {
        return on.plusDays(graceDays);
    }

    /** The first day an escalation may fire. */
    public LocalDate escalationFrom() {
        return payBy().plusDays(1);
    }

    public static boolean isOnboarding(String stepKey) {
        return stepKey.startsWith(PREFIX);
    }

    /** The onboarding step a key stands for; empty for every other key (and for a key that is not well formed). */
    public static Optional<OnboardingStep> parse(String stepKey) {
        int plus = stepKey.lastIndexOf('+');
        if (!isOnboarding(stepKey) || plus < PREFIX.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OnboardingStep(LocalDate.parse(stepKey.substring(PREFIX.length(), plus)),
                    Integer.parseInt(stepKey.substring(plus + 1))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The onboarding among an item's steps taken, if it had one. */
    static Optional<OnboardingStep> among(Collection<String> stepsDone) {
        for (String key : stepsDone) {
            if (isOnboarding(key)) {
                Optional<OnboardingStep> step = parse(key);
                if (step.isPresent()) {
                    return step;
                }
            }
        }
        return Optional.empty();
    }
}
