package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderUnavailable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stripe's objects as they are now ({@code GET /v1/payment_intents/<id>}, {@code /v1/checkout/sessions/<id>},
 * {@code /v1/disputes/<id>}, the kind told by the id's prefix), each told as the event Stripe would send for its state
 * now, so {@link StripeEventReader} reads it like any other. A state Recoup does not act on (an intent still
 * processing, a session not paid) tells nothing. No answer, 429 or 5xx: {@link ProviderUnavailable}, the event waits;
 * any other refusal: the event is parked with it.
 */
final class StripeObjects {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLOSED_DISPUTE = List.of("won", "lost", "warning_closed");

    private final StripeApi api;

    StripeObjects(StripeApi api) {
        this.api = api;
    }

    /** {@code objectId} as it is now, as an event created at {@code now}; empty for a kind or state not followed. */
    Optional<ProviderEvent> now(String objectId, Instant now) {
        Optional<String> path = path(objectId);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        JsonNode object = fetch(path.get() + StripeApi.encode(objectId));
        return type(object).map(type -> {
            ObjectNode envelope = JSON.createObjectNode().put("id", "now:" + objectId).put("type", type);
            envelope.putObject("data").set("object", object);
            return new ProviderEvent(StripeWebhookVerifier.PROVIDER, "now:" + objectId, type, now,
                    envelope.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    private static Optional<String> path(String objectId) {
        if (objectId.startsWith("pi_")) {
            return Optional.of("/v1/payment_intents/");
        }
        if (objectId.startsWith("cs_")) {
            return Optional.of("/v1/checkout/sessions/");
        }
        if (objectId.startsWith("dp_") || objectId.startsWith("du_")) {
            return Optional.of("/v1/disputes/");
        }
        return Optional.empty();
    }

    /** The event type that tells the object's state now, if Recoup acts on that state. */
    private static Optional<String> type(JsonNode object) {
        String status = object.path("status").asText("");
        return switch (object.path("object").asText("")) {
            case "payment_intent" -> switch (status) {
                case "succeeded" -> Optional.of("payment_intent.succeeded");
                // back to needing a payment method after an attempt, or given up: the payment did not go through
                case "canceled" -> Optional.of("payment_intent.payment_failed");
                case "requires_payment_method" -> object.path("last_payment_error").isObject()
                        ? Optional.of("payment_intent.payment_failed") : Optional.empty();
                default -> Optional.empty();
            };
            case "checkout.session" -> "paid".equals(object.path("payment_status").asText())
                    ? Optional.of("checkout.session.async_payment_succeeded") : Optional.empty();
            case "dispute" -> Optional.of(CLOSED_DISPUTE.contains(status) ? "charge.dispute.closed" : "charge.dispute.created");
            default -> Optional.empty();
        };
    }

    private JsonNode fetch(String path) {
        try {
            return api.get(path);
        } catch (StripeApi.Failure e) {
            if (e.passing()) {
                throw new ProviderUnavailable(StripeWebhookVerifier.PROVIDER, e.getMessage(), e.retryAfter(), e.getCause());
            }
            throw new RecoupException(ErrorCode.INVALID_PROVIDER_EVENT, "Stripe refused to tell the object's state now: " + e.getMessage());
        }
    }
}
