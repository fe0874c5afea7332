package io.recoup.app;

import io.recoup.core.RecoupException;
import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentProvider;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerifier;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The payment providers configured under {@code recoup.payments.<type>.*} (e.g. {@code recoup.payments.stripe}): each
 * block names a provider adapter on the class path, found like the sources' adapters, whose webhooks are taken at
 * {@code /webhooks/<type>} and whose events the worker reads. Keys of {@code recoup.payments} that are not blocks
 * ({@code process-every}, {@code catch-up-every}, {@code catch-up-look-back}) are the worker's and the catch-up's. No block, no provider: nothing changes and no webhook is open.
 */
public final class PaymentProviders {
    private final Map<String, WebhookVerifier> verifiers;
    private final Map<String, ProviderEventReader> readers;
    private final Map<String, ProviderEventFeed> feeds;
    private final Map<String, PaymentLinkIssuer> links;
    private final Map<String, MandateCollector> collectors;

    PaymentProviders(Map<String, WebhookVerifier> verifiers, Map<String, ProviderEventReader> readers,
                     Map<String, ProviderEventFeed> feeds, Map<String, PaymentLinkIssuer> links, Map<String, MandateCollector> collectors) {
        this.verifiers = Map.copyOf(verifiers);
        this.readers = Map.copyOf(readers);
        this.feeds = Map.copyOf(feeds);
        this.links = Map.copyOf(links);
        this.collectors = Map.copyOf(collectors);
    }

    /** The makers of payment links of every provider configured with an API key. */
    public List<PaymentLinkIssuer> allLinks() {
        return List.copyOf(links.values());
    }

    /** The collectors against mandates at the providers that have them (GoCardless), configured with an API key. */
    public List<MandateCollector> collectors() {
        return List.copyOf(collectors.values());
    }

    /** The maker of payment links at {@code provider}, when it is configured with an API key. */
    public Optional<PaymentLinkIssuer> links(String provider) {
        return Optional.ofNullable(links.get(provider));
    }

    /** The event lists of the providers configured with an API key, by name. */
    public Map<String, ProviderEventFeed> feeds() {
        return feeds;
    }

    /** The verifier of {@code provider}'s webhooks, when it is configured. */
    public Optional<WebhookVerifier> webhooks(String provider) {
        return Optional.ofNullable(verifiers.get(provider));
    }

    /** The event readers of the configured providers, by name. */
    public Map<String, ProviderEventReader> readers() {
        return readers;
    }

    @SuppressWarnings("unchecked")
    static PaymentProviders from(Map<String, Object> payments, Clock clock) {
        Map<String, PaymentProvider> known = new HashMap<>();
        ServiceLoader.load(PaymentProvider.class).forEach(p -> known.put(p.type(), p));
        Map<String, WebhookVerifier> verifiers = new LinkedHashMap<>();
        Map<String, ProviderEventReader> readers = new LinkedHashMap<>();
        Map<String, ProviderEventFeed> feeds = new LinkedHashMap<>();
        Map<String, PaymentLinkIssuer> links = new LinkedHashMap<>();
        Map<String, MandateCollector> collectors = new LinkedHashMap<>();
        for (Map.Entry<String, Object> block : ApiSources.plain(payments).entrySet()) {
            if (!(block.getValue() instanceof Map<?, ?> settings)) {
                continue;
            }
            String key = "recoup.payments." + block.getKey();
            PaymentProvider provider = known.get(block.getKey());
            if (provider == null) {
                throw new ConfigurationRefused(key + ": no payment provider adapter " + block.getKey() + " (known: "
                        + new TreeMap<>(known).keySet() + ")", List.of(key));
            }
            try {
                SourceSettings own = new SourceSettings(block.getKey(), (Map<String, Object>) settings);
                verifiers.put(provider.type(), provider.webhooks(own, clock));
                readers.put(provider.type(), provider.events(own));
                provider.feed(own).ifPresent(feed -> feeds.put(provider.type(), feed));
                provider.links(own).ifPresent(issuer -> links.put(provider.type(), issuer));
                provider.collector(own).ifPresent(collector -> collectors.put(provider.type(), collector));
            } catch (RecoupException | IllegalArgumentException e) {
                throw new ConfigurationRefused(key + "." + e.getMessage(), List.of(key));
            }
        }
        return new PaymentProviders(verifiers, readers, feeds, links, collectors);
    }
}
