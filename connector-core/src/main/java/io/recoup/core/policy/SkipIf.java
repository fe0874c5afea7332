package io.recoup.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * When a step is left out because the customer is already acting on an earlier message ({@code skip-if}): the payment
 * link of a notice about the item was opened ({@code link-opened-within-days}), or a message about it was read
 * ({@code read-within-days}), at most that many days before the day the step fires (or since). The classic use: no
 * call the day after the customer opened the link. A skipped step is not sent later; the ladder goes on with its next.
 */
public record SkipIf(Optional<Integer> linkOpenedWithinDays, Optional<Integer> readWithinDays) {
    public SkipIf {
        Objects.requireNonNull(linkOpenedWithinDays, "linkOpenedWithinDays");
        Objects.requireNonNull(readWithinDays, "readWithinDays");
        if (linkOpenedWithinDays.isEmpty() && readWithinDays.isEmpty()) {
            throw new IllegalArgumentException("skip-if names no fact");
        }
        if (linkOpenedWithinDays.orElse(0) < 0 || readWithinDays.orElse(0) < 0) {
            throw new IllegalArgumentException("skip-if counts days, 0 or more");
        }
    }
}
