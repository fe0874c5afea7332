package io.recoup.core.ledger;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as Recoup needs it for collections: who to address, in which language and time zone, the segment a
 * dunning policy selects on, and the bank accounts (IBANs, electronic form) the ledger knows the customer pays from,
 * which the matcher takes as evidence of who paid. The email and phone are optional; a step on a channel without a
 * contact is recorded as such, never silently dropped.
 */
public record Customer(CustomerKey key, String name, Optional<String> email, Optional<String> phone, Locale language,
                       ZoneId timeZone, String segment, List<String> ibans) {
    public Customer(CustomerKey key, String name, Optional<String> email, Optional<String> phone, Locale language,
                    ZoneId timeZone, String segment) {
        this(key, name, email, phone, language, timeZone, segment, List.of());
    }

    public Customer {
        Objects.requireNonNull(key, "key");
        name = OpenItemKey.requireText(name, "customer name");
        email = email.map(String::strip).filter(s -> !s.isEmpty());
        phone = phone.map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        segment = segment == null || segment.isBlank() ? "default" : segment.strip();
        ibans = ibans == null ? List.of() : ibans.stream().map(i -> i.replace(" ", "").toUpperCase(Locale.ROOT))
                .filter(i -> !i.isEmpty()).distinct().toList();
    }
}
