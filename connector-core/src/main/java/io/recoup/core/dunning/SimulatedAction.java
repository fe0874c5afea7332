package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice a simulation sent: the day, the customer, the items with their steps, the channel and the reason. */
public record SimulatedAction(LocalDate day, long customerId, List<String> items, String step, Channel channel, String template,
                              Instant sendAfter, String reason) {
    public SimulatedAction {
        items = List.copyOf(items);
    }

    /** "2026-03-02 C1 INV-1,INV-2 due-email email" — a compact form for timelines and diffs. */
    public String summary() {
        return day + " C" + customerId + " " + String.join(",", items) + " " + step + " " + channel.label();
    }
}
