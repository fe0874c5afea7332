package io.recoup.core.port;

/**
 * Reads a stored {@link ProviderEvent} of one payment provider into the {@link PaymentEffect} it has. A payload that
 * cannot be read is a {@link io.recoup.core.RecoupException} with {@link io.recoup.core.ErrorCode#INVALID_PROVIDER_EVENT}:
 * the event is parked with that reason, the rest go on.
 */
public interface ProviderEventReader {
    PaymentEffect read(ProviderEvent event);
}
