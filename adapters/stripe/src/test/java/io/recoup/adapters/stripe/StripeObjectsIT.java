package io.recoup.adapters.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.core.port.SourceSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stale event's object fetched as Stripe has it now, through WireMock with answers shaped from the payment intent
 * and dispute fixtures: the state now is read like the event Stripe would send for it.
 */
class StripeObjectsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PI = "pi_1PgafyB7WZ01zgkWSjxsAJo3";
    private static final String DISPUTE = "dp_1Pgc71B7WZ01zgkWMevJiAUx";
    private static final Instant OLD = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    private static final List<PaymentEffect.ItemShare> ITEMS = List.of(
            new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("10.99", "EUR")));

    private WireMockServer stripe;
    private ProviderEventReader reader;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        reader = new StripePaymentProvider().events(new SourceSettings("stripe", Map.of("webhook-secrets", "whsec_x",
                "api-key", "rk_test_objects", "api-base", stripe.baseUrl(), "timeout", "5s",
                "retry-longest-wait", "1s")));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    /** The fixture {@code file} with {@code changes} set, as Stripe answers a GET of it. */
    private static String object(String file, Map<String, Object> changes) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(StripeWebhookVerifierTest.fixture(file));
            changes.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
            return node.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PaymentEffect.AsOf staleFailure() {
        return new PaymentEffect.AsOf(PI, "failed", OLD, new PaymentEffect.Undone(PI, null, "payment intent " + PI + " failed"));
    }

    @Test
    void aStaleFailureOfAnIntentThatSucceededSinceIsReadAsItsPaymentNow() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + PI)).willReturn(okJson(object("payment_intent.json", Map.of(
                "status", "succeeded", "currency", "eur", "amount_received", 1099, "metadata", StripeMetadata.of("77", ITEMS))))));

        assertThat(reader.current(staleFailure(), NOW)).contains(new PaymentEffect.AsOf(PI, "succeeded", NOW,
                new PaymentEffect.Paid(PI, Money.of("10.99", "EUR"), "77", ITEMS, NOW)));
        stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + PI))
                .withHeader("Authorization", equalTo("Bearer rk_test_objects")));
    }

    @Test
    void aDisputeToldOpenLateIsReadAsItsClosingWhenStripeHasItLost() {
        stripe.stubFor(get(urlPathEqualTo("/v1/disputes/" + DISPUTE)).willReturn(okJson(object("dispute.json", Map.of(
                "status", "lost", "currency", "eur", "payment_intent", PI)))));
        PaymentEffect.AsOf open = new PaymentEffect.AsOf(DISPUTE, "open", OLD, new PaymentEffect.Disputed(PI, DISPUTE, "opened (general)"));

        assertThat(reader.current(open, NOW)).contains(new PaymentEffect.AsOf(DISPUTE, "lost", NOW, new PaymentEffect.DisputeClosed(PI,
                DISPUTE, true, Money.of("10.00", "EUR"), "dispute " + DISPUTE + " closed: lost")));
    }

    @Test
    void anIntentStillProcessingTellsNothingNewAndAnIdOfNoKnownKindIsNotAsked() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + PI)).willReturn(okJson(object("payment_intent.json", Map.of(
                "status", "processing", "metadata", StripeMetadata.of("77", ITEMS))))));

        assertThat(reader.current(staleFailure(), NOW)).isEmpty();
        assertThat(reader.current(new PaymentEffect.AsOf("ch_1", "failed", OLD, new PaymentEffect.Undone("ch_1", null, "x")), NOW))
                .isEmpty();
        assertThat(stripe.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aStripeThatCannotAnswerNowLetsTheEventWaitAndARefusalParksIt() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + PI)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2")));
        assertThatThrownBy(() -> reader.current(staleFailure(), NOW)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.retryAfter()).as("beyond the call's budget: the worker's to honour")
                        .contains(java.time.Duration.ofSeconds(2))).hasMessageContaining("429");

        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + PI)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":\"resource_missing\"}}")));
        assertThatThrownBy(() -> reader.current(staleFailure(), NOW)).isInstanceOfSatisfying(RecoupException.class, e -> {
            assertThat(e).isNotInstanceOf(ProviderUnavailable.class);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVIDER_EVENT);
            assertThat(e.getMessage()).contains("404 resource_missing");
        });
    }

    @Test
    void withoutAnApiKeyNothingIsFetched() {
        ProviderEventReader offline = new StripePaymentProvider().events(new SourceSettings("stripe", Map.of("webhook-secrets", "whsec_x")));

        assertThat(offline.current(staleFailure(), NOW)).isEmpty();
    }
}
