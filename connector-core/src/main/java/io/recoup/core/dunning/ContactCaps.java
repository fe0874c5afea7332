package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import io.recoup.core.policy.ContactCap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counts one customer's messages in each cap's window, including what this plan already added. */
final class ContactCaps {
    private final List<ContactCap> caps;
    private final List<ContactLog.Contact> contacts;
    private final LocalDate today;

    ContactCaps(List<ContactCap> caps, ContactLog log, LocalDate today) {
        this.caps = caps;
        this.contacts = new ArrayList<>(log.contacts());
        this.today = today;
    }

    /** Why one more message on {@code channel} today would break a cap, if it would. */
    Optional<String> refusal(Channel channel) {
        for (ContactCap cap : caps) {
            if (!cap.covers(channel)) {
                continue;
            }
            LocalDate windowStart = today.minusDays(cap.perDays() - 1L);
            long used = contacts.stream().filter(k -> cap.covers(k.channel()) && !k.day().isBefore(windowStart)
                    && !k.day().isAfter(today)).count();
            if (used >= cap.max()) {
                return Optional.of("contact cap " + cap + " reached (" + used + " since " + windowStart + ")");
            }
        }
        return Optional.empty();
    }

    void record(Channel channel) {
        contacts.add(new ContactLog.Contact(today, channel));
    }
}
