package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What pauses an item on a day: an active hold (a dispute or a dunning block, on the item or on its customer), a
 * promise to pay not yet kept whose day (plus grace) has not passed, an agreed payment plan. The one place these rules
 * live: the dunning engine pauses its ladder by them, dispatch holds back a reminder paused after it was planned, and
 * direct debit leaves such an item alone.
 */
public final class Pauses {
    private Pauses() {
    }

    /** The first of {@code holds} active on {@code today}, if any. */
    public static Optional<Hold> activeHold(List<Hold> holds, LocalDate today) {
        for (Hold hold : holds) {
            if (hold.activeOn(today)) {
                return Optional.of(hold);
            }
        }
        return Optional.empty();
    }

    /** The last day a promise pauses the item: the promised day plus {@code graceDays}. */
    public static LocalDate lastDayOf(PromiseToPay promise, int graceDays) {
        return promise.promisedFor().plusDays(graceDays);
    }

    /** A promise still pending on {@code today}: not kept by what is open now, and its last day not passed. */
    public static boolean pending(PromiseToPay promise, Money openNow, LocalDate today, int graceDays) {
        return !promise.keptGiven(openNow) && !today.isAfter(lastDayOf(promise, graceDays));
    }

    /**
     * Why direct debit must leave an item with {@code open} outstanding alone on {@code today}, or empty when nothing
     * holds it: what keeps a planned reminder from going out ({@link #keepsFromSending}), or an agreed payment plan
     * (the customer pays by instalments, not by one collection of everything).
     */
    public static Optional<String> keepsFromDirectDebit(Money open, List<Hold> itemHolds, List<Hold> customerHolds,
                                                        Optional<PromiseToPay> promise, boolean planAgreed, LocalDate today) {
        return keepsFromSending(open, itemHolds, customerHolds, promise, today)
                .or(() -> planAgreed ? Optional.of("a payment plan is agreed") : Optional.empty());
    }

    /**
     * Why a reminder planned for an item with {@code open} outstanding must not go out on {@code today}, or empty when
     * nothing holds it: an active hold of the item or its customer, or a pending promise. No grace: a promise day that
     * passed unpaid is no reason to wait, and a promise the planner already saw pending would have kept the reminder
     * from being planned, so what this finds was added after planning. A payment plan is not a reason here: the
     * planner plans its instalment reminders, and ladder steps again once the plan is broken.
     */
    public static Optional<String> keepsFromSending(Money open, List<Hold> itemHolds, List<Hold> customerHolds,
                                                    Optional<PromiseToPay> promise, LocalDate today) {
        Optional<Hold> hold = activeHold(itemHolds, today).or(() -> activeHold(customerHolds, today));
        if (hold.isPresent()) {
            return Optional.of("paused by " + hold.get());
        }
        if (promise.isPresent() && pending(promise.get(), open, today, 0)) {
            return Optional.of("a promise to pay by " + promise.get().promisedFor() + " is pending");
        }
        return Optional.empty();
    }
}
