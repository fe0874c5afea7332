package io.recoup.adapters.stripe;

import io.recoup.core.port.PaymentProvider;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Stripe from {@code recoup.payments.stripe.*}: {@code webhook-secrets} (a list of the endpoint's signing secrets,
 * several during a rotation; required) and {@code tolerance} (how far a signature's time may lie from now, default
 * 300s, as in Stripe's own libraries); {@code api-key} (a restricted key that may read events; without it there is no
 * catch-up), {@code api-base} (default https://api.stripe.com) and {@code timeout} (default 10s) of the API.
 */
public final class StripePaymentProvider implements PaymentProvider {
    @Override
    public String type() {
        return StripeWebhookVerifier.PROVIDER;
    }

    @Override
    public WebhookVerifier webhooks(SourceSettings settings, Clock clock) {
        return new StripeWebhookVerifier(new StripeSignature(secrets(settings), settings.duration("tolerance",
                Duration.ofSeconds(300))), clock);
    }

    @Override
    public ProviderEventReader events(SourceSettings settings) {
        return new StripeEventReader();
    }

    @Override
    public Optional<ProviderEventFeed> feed(SourceSettings settings) {
        return settings.optional("api-key").map(key -> new StripeEventFeed(URI.create(settings.optional("api-base")
                .orElse("https://api.stripe.com")), key, settings.duration("timeout", Duration.ofSeconds(10))));
    }

    private static List<String> secrets(SourceSettings settings) {
        Object configured = settings.settings().get("webhook-secrets");
        if (configured instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (configured instanceof String one && !one.isBlank()) {
            // one secret, or several comma-separated from an environment variable
            return List.of(one.split("\\s*,\\s*"));
        }
        throw new IllegalArgumentException("webhook-secrets: missing (the endpoint's signing secrets, whsec_...)");
    }
}
