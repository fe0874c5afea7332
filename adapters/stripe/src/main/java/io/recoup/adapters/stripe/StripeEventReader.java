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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored Stripe events into payment effects. A completed Checkout Session that is paid, its delayed payment
 * succeeding, or its payment intent succeeding is {@link PaymentEffect.Paid} for the items in our metadata (on the
 * session and, through {@code payment_intent_data}, on the intent); a delayed payment or a payment intent that failed,
 * or a charge refunded in full, is {@link PaymentEffect.Undone} (nothing when the payment was never recorded); a partial
 * refund needs a person; a dispute holds the items until it is closed (lost: the payment is undone). The payment's
 * identity is its payment intent (else the session), which charges and disputes name too, so checkout and intent
 * events of one payment make one receipt. What tells a payment's or a dispute's state is given as of the event's
 * {@code created} ({@link PaymentEffect.AsOf}), so an older event arriving late does not bring back a stale state; with
 * an API key, such an event makes the reader fetch the object as Stripe has it now ({@link StripeObjects}), and that
 * state is what counts.
 * Amounts are what the customer paid (Stripe's fees are on the balance transaction, never here).
 */
final class StripeEventReader implements ProviderEventReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<StripeObjects> objects;

    /** A reader that fetches objects through {@code objects} when there is an API key, else reads events only. */
    StripeEventReader(Optional<StripeObjects> objects) {
        this.objects = objects;
    }

    @Override
    public Optional<PaymentEffect.AsOf> current(PaymentEffect.AsOf stale, Instant now) {
        return objects.flatMap(o -> o.now(stale.objectId(), now)).map(this::read)
                .filter(PaymentEffect.AsOf.class::isInstance).map(PaymentEffect.AsOf.class::cast);
    }

    @Override
    public PaymentEffect read(ProviderEvent event) {
        JsonNode object = object(event);
        String id = object.path("id").asText();
        return switch (event.type()) {
            case "checkout.session.completed" -> "paid".equals(object.path("payment_status").asText())
                    ? paid(event, object, "amount_total")
                    : new PaymentEffect.Ignored("session " + id + " is " + object.path("payment_status").asText()
                            + ": its delayed payment is awaited");
            case "checkout.session.async_payment_succeeded" -> paid(event, object, "amount_total");
            case "payment_intent.succeeded" -> paid(event, object, "amount_received");
            case "checkout.session.async_payment_failed" -> failed(event, object, "the delayed payment of session " + id + " failed");
            case "payment_intent.payment_failed" -> failed(event, object, "payment intent " + id + " failed"
                    + reason(object.path("last_payment_error")));
            case "charge.refunded" -> refunded(event, object);
            case "charge.dispute.created" -> reference(object, "payment_intent").<PaymentEffect>map(pi -> new PaymentEffect.AsOf(id,
                    "open", event.created(), new PaymentEffect.Disputed(pi, id, "opened (" + object.path("reason").asText("no reason")
                    + ")"))).orElseGet(() -> noPayment(object));
            case "charge.dispute.closed" -> reference(object, "payment_intent").map(pi -> closed(event, object, pi))
                    .orElseGet(() -> noPayment(object));
            default -> new PaymentEffect.Ignored("Stripe event type " + event.type() + " is not followed");
        };
    }

    /** A paid session or intent ({@code amountField} in minor units), as the payment's state {@code succeeded}. */
    private static PaymentEffect paid(ProviderEvent event, JsonNode object, String amountField) {
        Optional<String> notice = ours(object);
        if (notice.isEmpty()) {
            return notOurs(object);
        }
        String currency = object.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (currency.length() != 3 || !object.path(amountField).canConvertToLong()) {
            throw invalid(event, "the paid " + object.path("object").asText("object") + " has no currency or " + amountField);
        }
        Money amount = minorUnits(object.path(amountField).asLong(), currency);
        try {
            String payment = paymentId(object);
            return new PaymentEffect.AsOf(payment, "succeeded", event.created(), new PaymentEffect.Paid(payment, amount, notice.get(),
                    StripeMetadata.items(metadata(object), currency), event.created()));
        } catch (IllegalArgumentException | RecoupException e) {
            throw invalid(event, e.getMessage());
        }
    }

    /** A payment that did not go through, as the payment's state {@code failed}: undone only if it had been recorded. */
    private static PaymentEffect failed(ProviderEvent event, JsonNode object, String reason) {
        if (ours(object).isEmpty()) {
            return notOurs(object);
        }
        String payment = paymentId(object);
        return new PaymentEffect.AsOf(payment, "failed", event.created(), new PaymentEffect.Undone(payment, null, reason));
    }

    /** A closed dispute: won (or an inquiry closed without a chargeback) releases the hold, lost undoes the payment. */
    private static PaymentEffect closed(ProviderEvent event, JsonNode dispute, String paymentIntent) {
        String id = dispute.path("id").asText();
        String status = dispute.path("status").asText("");
        String currency = dispute.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (!List.of("won", "warning_closed", "lost").contains(status)) {
            return new PaymentEffect.NeedsAPerson(paymentIntent, "dispute " + id + " closed as '" + status + "', which Recoup does not know");
        }
        if (currency.length() != 3 || !dispute.path("amount").canConvertToLong()) {
            throw invalid(event, "the closed dispute has no currency or amount");
        }
        boolean lost = status.equals("lost");
        return new PaymentEffect.AsOf(id, status, event.created(), new PaymentEffect.DisputeClosed(paymentIntent, id, lost,
                minorUnits(dispute.path("amount").asLong(), currency), "dispute " + id + " closed: " + status));
    }

    private static String reason(JsonNode error) {
        String text = error.path("code").asText("");
        return text.isBlank() ? "" : " (" + text + ")";
    }

    private static PaymentEffect noPayment(JsonNode object) {
        return new PaymentEffect.Ignored(object.path("object").asText("object") + " " + object.path("id").asText()
                + " names no payment intent, so no payment of ours");
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

    private static PaymentEffect notOurs(JsonNode object) {
        String kind = object.path("object").asText("").equals("payment_intent") ? "payment intent " : "session ";
        return new PaymentEffect.Ignored(kind + object.path("id").asText() + " carries no Recoup notice: not ours");
    }

    private static Optional<String> ours(JsonNode session) {
        return StripeMetadata.notice(metadata(session));
    }

    /** An intent's own id; a session's payment intent (an id, or the object when expanded), else the session's own id. */
    private static String paymentId(JsonNode object) {
        if (object.path("object").asText("").equals("payment_intent")) {
            return object.path("id").asText();
        }
        return reference(object, "payment_intent").orElse(object.path("id").asText());
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
