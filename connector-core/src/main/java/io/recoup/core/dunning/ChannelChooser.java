package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Picks the first channel in a step's fallback order that can be used for this customer: configured here, not opted
 * out of, an address on file, no bounce since the last successful message. When none can because of the customer
 * (opt-out, no address, bounce), the notice becomes a task for a person, so no customer silently drops out of
 * collections. When none can only because no channel of the step is configured here, the step keeps its first
 * channel and dispatch records it as "channel not configured": that is the installation's gap, not the customer's.
 */
final class ChannelChooser {
    private ChannelChooser() {
    }

    static Channel choose(List<Channel> order, CustomerCase c, Set<Channel> configured, List<String> fallbacks) {
        boolean onlyUnconfigured = true;
        for (Channel channel : order) {
            if (!channel.reachesCustomer()) {
                return channel;
            }
            if (!configured.contains(channel)) {
                fallbacks.add(channel.label() + ": not configured");
                continue;
            }
            onlyUnconfigured = false;
            if (c.customer().optedOut().contains(channel)) {
                fallbacks.add(channel.label() + ": customer opted out");
            } else if (!c.customer().reachable().contains(channel)) {
                fallbacks.add(channel.label() + ": no address on file");
            } else if (bouncedSinceLastContact(channel, c.log())) {
                fallbacks.add(channel.label() + ": last message bounced on " + c.log().lastBounce().get(channel));
            } else {
                return channel;
            }
        }
        if (onlyUnconfigured) {
            return order.get(0);
        }
        fallbacks.add("no usable channel: a person takes over");
        return Channel.TASK;
    }

    private static boolean bouncedSinceLastContact(Channel channel, ContactLog log) {
        LocalDate bounce = log.lastBounce().get(channel);
        if (bounce == null) {
            return false;
        }
        return log.contacts().stream().noneMatch(k -> k.channel() == channel && k.day().isAfter(bounce));
    }
}
