package io.recoup.adapters.stripe;

import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentProvider;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerifier;
import io.recoup.core.retry.RetryBudget;
import io.recoup.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Stripe from {@code recoup.payments.stripe.*}: {@code webhook-secrets} (a list of the endpoint's signing secrets,
 * several during a rotation; required) and {@code tolerance} (how far a signature's time may lie from now, default
 * 300s, as in Stripe's own libraries); {@code api-key} (a restricted key that may read events; without it there is no
 * catch-up and payment links), {@code api-base} (default https://api.stripe.com) and {@code timeout} (default 10s) of the
 * API, {@code retry-attempts} (default 3) and {@code retry-longest-wait} (default 10s): how often and how long one call
 * waits on a 429 or 5xx whose {@code Retry-After} asks for no more than that; {@code payment-method-types} (default card; e.g. card, sepa_debit, customer_balance) and {@code success-url} of
 * the Checkout Sessions made for notices.
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
        return new StripeEventReader(api(settings).map(StripeObjects::new));
    }

    @Override
    public Optional<ProviderEventFeed> feed(SourceSettings settings) {
        return api(settings).map(StripeEventFeed::new);
    }

    @Override
    public Optional<PaymentLinkIssuer> links(SourceSettings settings) {
        List<String> methods = settings.optional("payment-method-types").map(m -> List.of(m.replaceAll("[\\[\\]]", "")
                .split("\\s*,\\s*"))).orElse(List.of("card"));
        return api(settings).map(api -> new StripePaymentLinkIssuer(api, methods, settings.optional("success-url")));
    }

    private static Optional<StripeApi> api(SourceSettings settings) {
        RetryBudget retries = new RetryBudget(settings.integer("retry-attempts", 3),
                settings.duration("retry-longest-wait", Duration.ofSeconds(10)), Sleeper.THREAD);
        return settings.optional("api-key").map(key -> new StripeApi(URI.create(settings.optional("api-base")
                .orElse("https://api.stripe.com")), key, settings.duration("timeout", Duration.ofSeconds(10)), retries, Clock.systemUTC()));
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
