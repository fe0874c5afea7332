package io.recoup.adapters.gocardless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * GoCardless's webhook deliveries: the signature is checked over the raw bytes first ({@link GoCardlessSignature});
 * only a signed body is parsed, and it must be a batch {@code {"events":[...]}} whose every event has an id, a
 * creation time, a resource type and an action. The batch is accepted whole with each event kept as its own JSON
 * (stored once per event id), or refused whole: a batch with one unreadable event is malformed, so nothing of it is
 * half taken. An event's type is {@code <resource_type>.<action>}, e.g. {@code payments.confirmed}.
 */
final class GoCardlessWebhookVerifier implements WebhookVerifier {
    static final String HEADER = "Webhook-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GoCardlessSignature signature;

    GoCardlessWebhookVerifier(GoCardlessSignature signature) {
        this.signature = signature;
    }

    @Override
    public String provider() {
        return GoCardlessApi.PROVIDER;
    }

    @Override
    public WebhookVerdict verify(Function<String, Optional<String>> header, byte[] body) {
        Optional<GoCardlessSignature.Problem> problem = signature.check(header.apply(HEADER), body);
        if (problem.isPresent()) {
            return problem.get() == GoCardlessSignature.Problem.UNSIGNED
                    ? new WebhookVerdict.Malformed(HEADER + ": missing, or not 64 hex digits")
                    : new WebhookVerdict.Refused(HEADER + ": forged");
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new WebhookVerdict.Malformed("body: not JSON");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (batch == null || !batch.path("events").isArray()) {
            return new WebhookVerdict.Malformed("body: not a batch of GoCardless events ({\"events\":[...]})");
        }
        List<ProviderEvent> events = new ArrayList<>();
        for (JsonNode node : batch.path("events")) {
            Optional<ProviderEvent> event = event(node);
            if (event.isEmpty()) {
                return new WebhookVerdict.Malformed("body: event " + events.size() + " has no id, created_at, resource_type or action");
            }
            events.add(event.get());
        }
        return new WebhookVerdict.Accepted(events);
    }

    /** The event in {@code node}, when it is one, kept as its own JSON. */
    static Optional<ProviderEvent> event(JsonNode node) {
        String id = node.path("id").asText("");
        String resource = node.path("resource_type").asText("");
        String action = node.path("action").asText("");
        if (!node.isObject() || !id.startsWith("EV") || resource.isBlank() || action.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant created = Instant.parse(node.path("created_at").asText(""));
            return Optional.of(new ProviderEvent(GoCardlessApi.PROVIDER, id, resource.toLowerCase(Locale.ROOT) + "." + action,
                    created, node.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
