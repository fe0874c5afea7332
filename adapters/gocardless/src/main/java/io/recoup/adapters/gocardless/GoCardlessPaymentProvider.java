package io.recoup.adapters.gocardless;

import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentProvider;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GoCardless, from {@code recoup.payments.gocardless.*}: {@code webhook-secrets} (one, or several during a rotation),
 * {@code access-token} (required: the reader fetches the payment or mandate an event names), {@code api-base}
 * (default {@code https://api.gocardless.com}; the sandbox is {@code https://api-sandbox.gocardless.com}),
 * {@code timeout} (default 10s), and for the links {@code instant-first-payment} (default false), {@code redirect-uri}
 * and {@code exit-uri}.
 */
public final class GoCardlessPaymentProvider implements PaymentProvider {
    @Override
    public String type() {
        return GoCardlessApi.PROVIDER;
    }

    @Override
    public WebhookVerifier webhooks(SourceSettings settings, Clock clock) {
        return new GoCardlessWebhookVerifier(new GoCardlessSignature(secrets(settings)));
    }

    @Override
    public ProviderEventReader events(SourceSettings settings) {
        return new GoCardlessEventReader(api(settings));
    }

    @Override
    public Optional<ProviderEventFeed> feed(SourceSettings settings) {
        return Optional.of(new GoCardlessEventFeed(api(settings)));
    }

    @Override
    public Optional<PaymentLinkIssuer> links(SourceSettings settings) {
        return Optional.of(new GoCardlessPaymentLinkIssuer(api(settings),
                Boolean.parseBoolean(settings.optional("instant-first-payment").orElse("false")),
                settings.optional("redirect-uri"), settings.optional("exit-uri")));
    }

    @Override
    public Optional<MandateCollector> collector(SourceSettings settings) {
        return Optional.of(new GoCardlessMandateCollector(api(settings)));
    }

    private static GoCardlessApi api(SourceSettings settings) {
        String token = settings.optional("access-token").orElseThrow(() -> new IllegalArgumentException(
                "access-token: missing (GoCardless's API is asked for the payment or mandate each event names)"));
        return new GoCardlessApi(token, settings.optional("api-base").orElse("https://api.gocardless.com"),
                settings.duration("timeout", Duration.ofSeconds(10)));
    }

    private static List<String> secrets(SourceSettings settings) {
        List<String> secrets = settings.texts("webhook-secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("webhook-secrets: missing (the webhook endpoint's secrets)");
        }
        return secrets;
    }
}
