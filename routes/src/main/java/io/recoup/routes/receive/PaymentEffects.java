package io.recoup.routes.receive;

import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;

/**
 * Applies what a provider event means to Recoup's books, inside the worker's transaction, and says in words what it
 * did (kept with the event).
 */
public final class PaymentEffects {

    /** Applies {@code effect} of {@code event}; returns what was done. */
    public String apply(ProviderEvent event, PaymentEffect effect) {
        if (effect instanceof PaymentEffect.Ignored ignored) {
            return "ignored: " + ignored.reason();
        }
        throw new IllegalArgumentException("no handling for " + effect.getClass().getSimpleName() + " of " + event);
    }
}
