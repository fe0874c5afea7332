package io.recoup.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads a stored {@link ProviderEvent} of one payment provider into the {@link PaymentEffect} it has. A payload that
 * cannot be read is a {@link io.recoup.core.RecoupException} with {@link io.recoup.core.ErrorCode#INVALID_PROVIDER_EVENT}:
 * the event is parked with that reason, the rest go on. State comes from the provider's object, not from the order
 * events arrive in: for an event older than the state Recoup knows of its object, {@link #current} asks the provider
 * for the object as it is now.
 */
public interface ProviderEventReader {
    PaymentEffect read(ProviderEvent event);

    /**
     * The object {@code stale} tells of, as the provider has it now ({@code now}: the time it is known as of), fetched
     * because the event came after a newer state of it was applied. Empty when this reader cannot ask (no API key) or
     * does not fetch that kind of object, or when the object now means nothing to Recoup; a provider that cannot be
     * asked now is {@link ProviderUnavailable}, and the event waits.
     */
    default Optional<PaymentEffect.AsOf> current(PaymentEffect.AsOf stale, Instant now) {
        return Optional.empty();
    }
}
