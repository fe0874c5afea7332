package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message (or task) the engine decided on: for one customer, on one channel, listing one or more items each with
 * the step it fulfils. {@code sendAfter} respects the customer's quiet hours. {@code reason} says in words why, and
 * {@code facts} keeps what the decision used (policy version, segment, days past due, caps, fallbacks); {@code risk}
 * is the customer's risk score when it was planned, which "needs a person" sorts by. {@code segment} is the id of the
 * policy segment it was planned in (empty outside a policy's segments): its ways to pay are that segment's.
 */
public record Notice(long customerId, Channel channel, String template, String leadStepKey, List<NoticeLine> lines,
                     LocalDate day, Instant sendAfter, String reason, Map<String, String> facts, int risk,
                     Optional<String> segment) {
    public Notice {
        lines = List.copyOf(lines);
        facts = Map.copyOf(facts);
        Objects.requireNonNull(segment, "segment");
    }

    /** A notice planned outside a policy's segments. */
    public Notice(long customerId, Channel channel, String template, String leadStepKey, List<NoticeLine> lines,
                  LocalDate day, Instant sendAfter, String reason, Map<String, String> facts, int risk) {
        this(customerId, channel, template, leadStepKey, lines, day, sendAfter, reason, facts, risk, Optional.empty());
    }

    /**
     * What was open on the notice's items when it was planned, in the currency of its first line (the lines of one
     * customer's notice rarely mix currencies; those in another currency are left out rather than added to it).
     */
    public Optional<Money> openWhenPlanned() {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Money first = lines.get(0).open();
        return lines.stream().map(NoticeLine::open).filter(first::sameCurrencyAs).reduce(Money::plus);
    }
}
