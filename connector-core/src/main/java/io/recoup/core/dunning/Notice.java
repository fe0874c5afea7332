package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One message (or task) the engine decided on: for one customer, on one channel, listing one or more items each with
 * the step it fulfils. {@code sendAfter} respects the customer's quiet hours. {@code reason} says in words why, and
 * {@code facts} keeps what the decision used (policy version, segment, days past due, caps, fallbacks).
 */
public record Notice(long customerId, Channel channel, String template, String leadStepKey, List<NoticeLine> lines,
                     LocalDate day, Instant sendAfter, String reason, Map<String, String> facts) {
    public Notice {
        lines = List.copyOf(lines);
        facts = Map.copyOf(facts);
    }
}
