package io.recoup.core.dunning;

import java.util.List;

/** The engine's answer for one customer: the notices to send and a decision for every open item. */
public record CustomerPlan(long customerId, String segment, List<Notice> notices, List<Decision> decisions) {
    public CustomerPlan {
        notices = List.copyOf(notices);
        decisions = List.copyOf(decisions);
    }
}
