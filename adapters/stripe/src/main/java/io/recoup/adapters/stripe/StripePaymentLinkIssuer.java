package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkUnavailable;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Stripe Checkout Session per notice ({@code POST /v1/checkout/sessions}, {@code mode=payment}): one line of the
 * notice's open amount, our notice and item keys as {@code client_reference_id} and metadata (on the session and on
 * its payment intent, so charges, refunds and disputes carry them too), the expiry, and the payment methods
 * configured. Sent with the request's idempotency key, so Stripe answers a retry with the session it made first.
 */
final class StripePaymentLinkIssuer implements PaymentLinkIssuer {
    private final StripeApi api;
    private final List<String> paymentMethods;
    private final Optional<String> successUrl;

    StripePaymentLinkIssuer(StripeApi api, List<String> paymentMethods, Optional<String> successUrl) {
        this.api = api;
        this.paymentMethods = List.copyOf(paymentMethods);
        this.successUrl = successUrl;
    }

    @Override
    public String provider() {
        return StripeWebhookVerifier.PROVIDER;
    }

    @Override
    public PaymentLink issue(LinkRequest request) {
        JsonNode session;
        try {
            session = api.post("/v1/checkout/sessions", form(request), request.idempotencyKey());
        } catch (StripeApi.Failure e) {
            throw new PaymentLinkUnavailable(provider(), "notice " + request.notice() + ": " + e.getMessage(), e.getCause());
        }
        String url = session.path("url").asText("");
        if (url.isBlank()) {
            throw new PaymentLinkUnavailable(provider(), "notice " + request.notice() + ": the session " + session.path("id").asText()
                    + " has no url", null);
        }
        return new PaymentLink(provider(), session.path("id").asText(), URI.create(url),
                Instant.ofEpochSecond(session.path("expires_at").asLong(request.expiresAt().getEpochSecond())));
    }

    /**
     * Asks Stripe for the session ({@code GET /v1/checkout/sessions/<id>}): ended early when its status is
     * {@code expired} (expired through the API or the dashboard). When Stripe cannot say now, the session is taken as
     * its stored expiry says.
     */
    @Override
    public boolean endedEarly(PaymentLink link) {
        try {
            return "expired".equals(api.get("/v1/checkout/sessions/" + StripeApi.encode(link.id())).path("status").asText(""));
        } catch (StripeApi.Failure e) {
            // no answer is no news: the stored expiry stands, and a dead session shows on Stripe's page as before
            return false;
        }
    }

    private Map<String, String> form(LinkRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("client_reference_id", "recoup-notice-" + request.notice());
        form.put("expires_at", String.valueOf(request.expiresAt().getEpochSecond()));
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", request.amount().currencyCode().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", request.amount().amount().movePointRight(
                request.amount().currency().getDefaultFractionDigits()).toBigIntegerExact().toString());
        form.put("line_items[0][price_data][product_data][name]", request.description());
        for (int i = 0; i < paymentMethods.size(); i++) {
            form.put("payment_method_types[" + i + "]", paymentMethods.get(i));
        }
        successUrl.ifPresent(url -> form.put("success_url", url));
        Map<String, String> metadata = StripeMetadata.of(request.notice(), request.items());
        metadata.forEach((k, v) -> {
            form.put("metadata[" + k + "]", v);
            form.put("payment_intent_data[metadata][" + k + "]", v);
        });
        return form;
    }
}
