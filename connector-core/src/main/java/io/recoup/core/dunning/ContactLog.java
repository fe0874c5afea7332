package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the customer already received (for contact caps) and where messages bounced (for channel fallback). */
public record ContactLog(List<Contact> contacts, Map<Channel, LocalDate> lastBounce) {
    public ContactLog {
        contacts = List.copyOf(contacts);
        lastBounce = Map.copyOf(lastBounce);
    }

    public static ContactLog empty() {
        return new ContactLog(List.of(), Map.of());
    }

    /** One message that reached (or was handed to) the customer's channel on a day. */
    public record Contact(LocalDate day, Channel channel) {}
}
