package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the channel a step goes out on for this customer: the first in the step's fallback order that can be used
 * (configured here, not opted out of, an address on file, no bounce since the last successful message), else e-mail,
 * else a task for a person. So an overdue item is never left with no contact and no task, whatever the installation
 * lacks (no WhatsApp account) or the customer lacks (no e-mail address), and the route says what happened in words:
 * "whatsapp: not configured; email instead".
 */
final class ChannelChooser {
    private ChannelChooser() {
    }

    /** The channel for a step and, when it is not the step's first, why each one before it could not be used. */
    record Route(Channel channel, List<String> fallbacks) {
        Route {
            fallbacks = List.copyOf(fallbacks);
        }

        /** "; whatsapp: not configured; email instead", or nothing when the step's first channel is used. */
        String explained() {
            return fallbacks.isEmpty() ? "" : "; " + String.join("; ", fallbacks);
        }
    }

    // the route of a step whose first channel is used: the common case, made once per channel
    private static final Map<Channel, Route> DIRECT = directRoutes();

    private static Map<Channel, Route> directRoutes() {
        Map<Channel, Route> routes = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            routes.put(channel, new Route(channel, List.of()));
        }
        return routes;
    }

    static Route choose(List<Channel> order, CustomerCase c, Set<Channel> configured) {
        Channel first = order.get(0);
        if (!first.reachesCustomer() || unusable(first, c, configured).isEmpty()) {
            return DIRECT.get(first);
        }
        List<String> fallbacks = new ArrayList<>();
        for (Channel channel : order) {
            if (!channel.reachesCustomer()) {
                return new Route(channel, fallbacks);
            }
            Optional<String> unusable = unusable(channel, c, configured);
            if (unusable.isEmpty()) {
                return chosen(channel, fallbacks);
            }
            fallbacks.add(channel.label() + ": " + unusable.get());
        }
        if (!order.contains(Channel.EMAIL)) {
            Optional<String> unusable = unusable(Channel.EMAIL, c, configured);
            if (unusable.isEmpty()) {
                return chosen(Channel.EMAIL, fallbacks);
            }
            fallbacks.add(Channel.EMAIL.label() + ": " + unusable.get());
        }
        fallbacks.add("no usable channel: a person takes over");
        return new Route(Channel.TASK, fallbacks);
    }

    private static Route chosen(Channel channel, List<String> fallbacks) {
        if (!fallbacks.isEmpty()) {
            fallbacks.add(channel.label() + " instead");
        }
        return new Route(channel, fallbacks);
    }

    /** Why a message channel cannot reach this customer now, or empty when it can. */
    private static Optional<String> unusable(Channel channel, CustomerCase c, Set<Channel> configured) {
        if (!configured.contains(channel)) {
            return Optional.of("not configured");
        }
        if (c.customer().optedOut().contains(channel)) {
            // an e-mail opt-out comes from the unsubscribe link; a person reading the task should know which it was
            return Optional.of(channel == Channel.EMAIL ? "customer unsubscribed from e-mail" : "customer opted out");
        }
        if (!c.customer().reachable().contains(channel)) {
            return Optional.of("no address on file");
        }
        if (bouncedSinceLastContact(channel, c.log())) {
            return Optional.of("last message bounced on " + c.log().lastBounce().get(channel));
        }
        return Optional.empty();
    }

    private static boolean bouncedSinceLastContact(Channel channel, ContactLog log) {
        LocalDate bounce = log.lastBounce().get(channel);
        if (bounce == null) {
            return false;
        }
        return log.contacts().stream().noneMatch(k -> k.channel() == channel && k.day().isAfter(bounce));
    }
}
