package io.recoup.adapters.stripe;

import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;

/**
 * Reads stored Stripe events into payment effects. This first version follows no event type yet: every event is
 * accounted for as ignored, with its type named.
 */
final class StripeEventReader implements ProviderEventReader {
    @Override
    public PaymentEffect read(ProviderEvent event) {
        return new PaymentEffect.Ignored("Stripe event type " + event.type() + " is not followed");
    }
}
