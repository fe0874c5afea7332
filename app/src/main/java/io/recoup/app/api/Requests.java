package io.recoup.app.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies the admin API accepts. Fields are checked by the controller, which names the field that is wrong. */
final class Requests {
    private Requests() {
    }

    /** A dispute or dunning block: why, and optionally until when. */
    record HoldRequest(String reason, LocalDate until) {}

    /** A promise to pay an amount by a date. */
    record PromiseRequest(LocalDate promisedFor, BigDecimal amount) {}

    /** A payment plan: instalments with due dates and amounts in the item's currency. */
    record PlanRequest(List<Instalment> instalments) {
        record Instalment(LocalDate due, BigDecimal amount) {}
    }

    /** SEND_NOW or SKIP_STEP for a step key such as {@code due-email} or {@code overdue-repeat#2}. */
    record OverrideRequest(String kind, String step) {}

    /** A channel the customer opted out of. */
    record OptOutRequest(String channel) {}
}
