package io.recoup.adapters.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stripe's webhook deliveries: the signature is checked over the raw bytes first ({@link StripeSignature}); only a
 * signed body is parsed, and it must be one event with an {@code evt_} id, a type and a creation time.
 */
public final class StripeWebhookVerifier implements WebhookVerifier {
    static final String PROVIDER = "stripe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StripeSignature signature;
    private final Clock clock;

    StripeWebhookVerifier(StripeSignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public WebhookVerdict verify(Function<String, Optional<String>> header, byte[] body) {
        Optional<StripeSignature.Problem> problem = signature.check(header.apply("Stripe-Signature"), body, clock.instant());
        if (problem.isPresent()) {
            return problem.get() == StripeSignature.Problem.UNSIGNED
                    ? new WebhookVerdict.Malformed("Stripe-Signature: missing, or without t or v1")
                    : new WebhookVerdict.Refused("Stripe-Signature: " + problem.get().name().toLowerCase(java.util.Locale.ROOT));
        }
        return event(body).<WebhookVerdict>map(e -> new WebhookVerdict.Accepted(List.of(e)))
                .orElseGet(() -> new WebhookVerdict.Malformed("body: not a Stripe event (id, type, created)"));
    }

    /** The event in {@code body}, when it is one. */
    static Optional<ProviderEvent> event(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (node == null || !node.isObject() || !"event".equals(node.path("object").asText("event"))) {
            return Optional.empty();
        }
        String id = node.path("id").asText("");
        String type = node.path("type").asText("");
        JsonNode created = node.path("created");
        if (!id.startsWith("evt_") || type.isBlank() || !created.canConvertToLong() || !created.isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderEvent(PROVIDER, id, type, Instant.ofEpochSecond(created.asLong()), body));
    }
}
