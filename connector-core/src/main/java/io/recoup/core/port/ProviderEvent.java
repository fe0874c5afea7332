package io.recoup.core.port;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event a payment provider sent (Stripe, GoCardless), as received: the provider's name, its own id of the event
 * (what duplicates are recognised by), the event's type and creation time as the provider states them, and the raw
 * bytes of the event exactly as they came, which the processing reads again later.
 */
public record ProviderEvent(String provider, String eventId, String type, Instant created, byte[] payload) {
    public ProviderEvent {
        requireText(provider, "provider");
        requireText(eventId, "eventId");
        requireText(type, "type");
        Objects.requireNonNull(created, "created");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderEvent e && provider.equals(e.provider) && eventId.equals(e.eventId)
                && type.equals(e.type) && created.equals(e.created) && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, eventId, type, created, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return provider + " event " + eventId + " (" + type + ")";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
