package io.recoup.core.policy;

import java.util.Optional;

/** At most {@code max} messages to one customer within {@code perDays} days, on one channel or (empty) on any. */
public record ContactCap(Optional<Channel> channel, int max, int perDays) {
    public ContactCap {
        if (max < 1 || perDays < 1) {
            throw new IllegalArgumentException("a contact cap needs max >= 1 and per-days >= 1, not " + max + "/" + perDays);
        }
    }

    public boolean covers(Channel c) {
        return c.reachesCustomer() && channel.map(c::equals).orElse(true);
    }

    @Override
    public String toString() {
        return max + " per " + perDays + " day(s) on " + channel.map(Channel::label).orElse("any channel");
    }
}
