package io.recoup.app.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The bodies the admin API accepts. Fields are checked by the controller, which names the field that is wrong; the
 * dashboard's forms ({@code io.recoup.app.ui}) send the same bodies through the same controller.
 */
public final class Requests {
    private Requests() {
    }

    /** A dispute or dunning block: why, and optionally until when. */
    public record HoldRequest(String reason, LocalDate until) {}

    /** A promise to pay an amount by a date. */
    public record PromiseRequest(LocalDate promisedFor, BigDecimal amount) {}

    /** A payment plan: instalments with due dates and amounts in the item's currency. */
    public record PlanRequest(List<Instalment> instalments) {
        public record Instalment(LocalDate due, BigDecimal amount) {}
    }

    /** SEND_NOW or SKIP_STEP for a step key such as {@code due-email} or {@code overdue-repeat#2}. */
    public record OverrideRequest(String kind, String step) {}

    /** A channel the customer opted out of. */
    public record OptOutRequest(String channel) {}
}
