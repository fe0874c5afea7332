package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the customer already received (for contact caps), where messages bounced (for channel fallback), and, per item
 * id, what the customer did with the messages about it (read, payment link opened; for a step's {@code skip-if}).
 */
public record ContactLog(List<Contact> contacts, Map<Channel, LocalDate> lastBounce, Map<Long, List<Engagement>> engagement) {
    public ContactLog {
        contacts = List.copyOf(contacts);
        lastBounce = Map.copyOf(lastBounce);
        engagement = Map.copyOf(engagement);
    }

    public ContactLog(List<Contact> contacts, Map<Channel, LocalDate> lastBounce) {
        this(contacts, lastBounce, Map.of());
    }

    public static ContactLog empty() {
        return new ContactLog(List.of(), Map.of());
    }

    /** What the customer did with the messages about this item; empty for most. */
    public List<Engagement> engagementWith(long itemId) {
        return engagement.isEmpty() ? List.of() : engagement.getOrDefault(itemId, List.of());
    }

    /** One message that reached (or was handed to) the customer's channel on a day. */
    public record Contact(LocalDate day, Channel channel) {}
}
