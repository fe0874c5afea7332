package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored Stripe events into payment effects. A completed Checkout Session that is paid, or its delayed payment
 * succeeding, is {@link PaymentEffect.Paid} for the items in our metadata; a delayed payment that failed or a charge
 * refunded in full is {@link PaymentEffect.Undone}; a partial refund needs a person; a dispute holds the items. The
 * payment's identity is its payment intent (else the session), which charges and disputes name too. Amounts are what
 * the customer paid (Stripe's fees are on the balance transaction, never here).
 */
final class StripeEventReader implements ProviderEventReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PaymentEffect read(ProviderEvent event) {
        JsonNode object = object(event);
        return switch (event.type()) {
            case "checkout.session.completed" -> "paid".equals(object.path("payment_status").asText())
                    ? paid(event, object)
                    : new PaymentEffect.Ignored("session " + object.path("id").asText() + " is " + object.path("payment_status").asText()
                            + ": its delayed payment is awaited");
            case "checkout.session.async_payment_succeeded" -> paid(event, object);
            case "checkout.session.async_payment_failed" -> ours(object).isEmpty() ? notOurs(object)
                    : new PaymentEffect.Undone(paymentId(object), null, "the delayed payment of session " + object.path("id").asText() + " failed");
            case "charge.refunded" -> refunded(event, object);
            case "charge.dispute.created" -> reference(object, "payment_intent").<PaymentEffect>map(pi ->
                    new PaymentEffect.Disputed(pi, "dispute " + object.path("id").asText() + " (" + object.path("reason").asText("no reason")
                            + ") opened")).orElseGet(() -> new PaymentEffect.Ignored("dispute " + object.path("id").asText()
                            + " names no payment intent, so no payment of ours"));
            default -> new PaymentEffect.Ignored("Stripe event type " + event.type() + " is not followed");
        };
    }

    private static PaymentEffect paid(ProviderEvent event, JsonNode session) {
        Optional<String> notice = ours(session);
        if (notice.isEmpty()) {
            return notOurs(session);
        }
        String currency = session.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (currency.length() != 3 || !session.path("amount_total").canConvertToLong()) {
            throw invalid(event, "the paid session has no currency or amount_total");
        }
        Money amount = minorUnits(session.path("amount_total").asLong(), currency);
        try {
            return new PaymentEffect.Paid(paymentId(session), amount, notice.get(), StripeMetadata.items(metadata(session), currency),
                    event.created());
        } catch (IllegalArgumentException | RecoupException e) {
            throw invalid(event, e.getMessage());
        }
    }

    private static PaymentEffect refunded(ProviderEvent event, JsonNode charge) {
        Optional<String> pi = reference(charge, "payment_intent");
        String currency = charge.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (pi.isEmpty()) {
            return new PaymentEffect.Ignored("charge " + charge.path("id").asText() + " names no payment intent, so no payment of ours");
        }
        Money refunded = minorUnits(charge.path("amount_refunded").asLong(), currency);
        if (charge.path("refunded").asBoolean(false)) {
            return new PaymentEffect.Undone(pi.get(), refunded, "charge " + charge.path("id").asText() + " refunded in full");
        }
        return new PaymentEffect.NeedsAPerson(pi.get(), "charge " + charge.path("id").asText() + " refunded in part (" + refunded
                + " of " + minorUnits(charge.path("amount").asLong(), currency) + "): a person decides which item it reopens");
    }

    private static Money minorUnits(long minor, String currency) {
        int scale = Money.currencyOf(currency).getDefaultFractionDigits();
        return Money.of(BigDecimal.valueOf(minor, Math.max(scale, 0)), Money.currencyOf(currency));
    }

    private static PaymentEffect notOurs(JsonNode session) {
        return new PaymentEffect.Ignored("session " + session.path("id").asText() + " carries no Recoup notice: not ours");
    }

    private static Optional<String> ours(JsonNode session) {
        return StripeMetadata.notice(metadata(session));
    }

    /** The payment intent (an id, or the object when expanded), else the session's own id. */
    private static String paymentId(JsonNode session) {
        return reference(session, "payment_intent").orElse(session.path("id").asText());
    }

    private static Optional<String> reference(JsonNode object, String field) {
        JsonNode value = object.path(field);
        String id = value.isObject() ? value.path("id").asText("") : value.asText("");
        return id.isBlank() || value.isNull() ? Optional.empty() : Optional.of(id);
    }

    private static Map<String, String> metadata(JsonNode object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        object.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return metadata;
    }

    private static JsonNode object(ProviderEvent event) {
        try {
            JsonNode object = JSON.readTree(event.payload()).path("data").path("object");
            if (!object.isObject()) {
                throw invalid(event, "data.object is missing");
            }
            return object;
        } catch (IOException e) {
            throw invalid(event, "the stored body is not JSON: " + e.getMessage());
        }
    }

    private static RecoupException invalid(ProviderEvent event, String reason) {
        return new RecoupException(ErrorCode.INVALID_PROVIDER_EVENT, event + ": " + reason);
    }

}
