package io.recoup.core.ledger;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as Recoup needs it for collections: who to address, in which language and time zone, and the segment a
 * dunning policy selects on. The email and phone are optional; a step on a channel without a contact is recorded
 * as such, never silently dropped.
 */
public record Customer(CustomerKey key, String name, Optional<String> email, Optional<String> phone, Locale language,
                       ZoneId timeZone, String segment) {
    public Customer {
        Objects.requireNonNull(key, "key");
        name = OpenItemKey.requireText(name, "customer name");
        email = email.map(String::strip).filter(s -> !s.isEmpty());
        phone = phone.map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        segment = segment == null || segment.isBlank() ? "default" : segment.strip();
    }
}
