package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer as the engine sees it: segment, time zone, the channels it has an address for, the channels it opted
 * out of, customer-wide holds and its risk score.
 */
public record CustomerProfile(long id, String segment, ZoneId zone, Set<Channel> reachable, Set<Channel> optedOut,
                              List<Hold> holds, RiskScore risk) {
    public CustomerProfile {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(zone, "zone");
        reachable = Set.copyOf(reachable);
        optedOut = Set.copyOf(optedOut);
        holds = List.copyOf(holds);
        Objects.requireNonNull(risk, "risk");
    }
}
