package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.port.ProviderEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** Stripe events for tests, shaped from the vendor fixtures in {@code shared/fixtures/stripe}. */
final class StripeEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeEvents() {
    }

    /** The fixture {@code object} (e.g. {@code checkout.session.json}) with {@code changes} set, inside an event of {@code type}. */
    static ProviderEvent event(String id, String type, String object, Map<String, Object> changes) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(StripeWebhookVerifierTest.fixture(object));
            changes.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
            ObjectNode envelope = (ObjectNode) JSON.readTree(StripeWebhookVerifierTest.fixture("webhook-envelope.checkout.session.completed.DERIVED.json"));
            envelope.put("id", id).put("type", type).put("created", 1_780_000_000L);
            ((ObjectNode) envelope.get("data")).set("object", data);
            return new ProviderEvent("stripe", id, type, Instant.ofEpochSecond(1_780_000_000L), JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
