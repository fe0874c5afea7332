package io.recoup.adapters.stripe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * The event in {@code body}, when it is one. Only the envelope's {@code id}, {@code type}, {@code created} and
     * {@code object} are read; everything else is passed over by the tokenizer (so a body that is not JSON to its end is
     * still refused) without being built into objects: the worker reads the rest later, from the stored bytes.
     */
    static Optional<ProviderEvent> event(byte[] body) {
        String id = "";
        String type = "";
        Long created = null;
        String object = "event";
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "object" -> object = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "created" -> created = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            ? parser.getLongValue() : null;
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!id.startsWith("evt_") || type.isBlank() || created == null || !"event".equals(object)) {
            return Optional.empty();
        }
        return Optional.of(new ProviderEvent(PROVIDER, id, type, Instant.ofEpochSecond(created), body));
    }
}
