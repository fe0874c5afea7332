package io.recoup.core.port;

import java.time.Clock;

/**
 * Builds what Recoup needs of one payment provider (Stripe, GoCardless) from its settings block
 * ({@code recoup.payments.<type>.*}): the verifier of its webhooks, the reader of its events and, with an API key, the list of its past events. Each adapter module
 * provides one, registered for {@link java.util.ServiceLoader}; the application picks it by {@link #type()}. A setting
 * that is missing or wrong fails here, with the setting named, when the application starts.
 */
public interface PaymentProvider {
    /** The provider's name: the settings block, the webhook path and the provider of its receipts, e.g. {@code stripe}. */
    String type();

    WebhookVerifier webhooks(SourceSettings settings, Clock clock);

    ProviderEventReader events(SourceSettings settings);

    /** The provider's list of past events, when the settings allow reading it (an API key); empty otherwise. */
    java.util.Optional<ProviderEventFeed> feed(SourceSettings settings);

    /** The maker of payment links on notices, when the settings allow it (an API key); empty otherwise. */
    java.util.Optional<PaymentLinkIssuer> links(SourceSettings settings);

    /** The collector of items against the provider's mandates, when the provider has them and the settings allow it. */
    default java.util.Optional<MandateCollector> collector(SourceSettings settings) {
        return java.util.Optional.empty();
    }
}
