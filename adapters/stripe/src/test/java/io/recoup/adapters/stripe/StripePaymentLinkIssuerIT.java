package io.recoup.adapters.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.PaymentLinkUnavailable;
import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout Sessions for notices through WireMock, the answer shaped from the checkout.session fixture. */
class StripePaymentLinkIssuerIT {
    private static final Instant EXPIRES = Instant.ofEpochSecond(1_780_086_400L);
    private static final PaymentLinkIssuer.LinkRequest NOTICE_77 = new PaymentLinkIssuer.LinkRequest("77", 1, Money.of("119.50", "EUR"),
            List.of(new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("100.00", "EUR")),
                    new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-2"), Money.of("19.50", "EUR"))),
            EXPIRES, "Invoices INV-1, INV-2");
    private WireMockServer stripe;
    private PaymentLinkIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        issuer = new StripePaymentProvider().links(new SourceSettings("stripe", Map.of("webhook-secrets", "whsec_x",
                "api-key", "sk_test_links", "api-base", stripe.baseUrl(), "timeout", "2s", "retry-longest-wait", "1s",
                "payment-method-types", List.of("card", "sepa_debit")))).orElseThrow();
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    private static String session() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode session = (ObjectNode) json.readTree(StripeWebhookVerifierTest.fixture("checkout.session.json"));
        session.put("url", "https://checkout.stripe.com/c/pay/cs_test_a1").put("expires_at", EXPIRES.getEpochSecond());
        return json.writeValueAsString(session);
    }

    @Test
    void makesOneSessionForTheNoticeWithItsKeyItsItemsAndItsAmountOnTheWire() throws Exception {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(session())));

        PaymentLinkIssuer.PaymentLink link = issuer.issue(NOTICE_77);

        assertThat(link).isEqualTo(new PaymentLinkIssuer.PaymentLink("stripe",
                "cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY",
                URI.create("https://checkout.stripe.com/c/pay/cs_test_a1"), EXPIRES));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("recoup-notice-77-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_links"))
                .withRequestBody(containing("mode=payment"))
                .withRequestBody(containing("client_reference_id=recoup-notice-77"))
                .withRequestBody(containing("expires_at=1780086400"))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=11950"))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=eur"))
                .withRequestBody(containing("payment_method_types%5B1%5D=sepa_debit"))
                .withRequestBody(containing("metadata%5Brecoup_item_2%5D=csv%7CINV-2%7C19.50"))
                .withRequestBody(containing("payment_intent_data%5Bmetadata%5D%5Brecoup_notice%5D=77")));
    }

    @Test
    void aRetryAfterAFailureAsksWithTheSameKeyAndANewAttemptWithTheNext() throws Exception {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class).hasMessageContaining("500");
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(session())));
        issuer.issue(NOTICE_77);
        issuer.issue(new PaymentLinkIssuer.LinkRequest("77", 2, NOTICE_77.amount(), NOTICE_77.items(), EXPIRES, "again"));

        stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Idempotency-Key", equalTo("recoup-notice-77-1")));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Idempotency-Key", equalTo("recoup-notice-77-2")));
    }

    @Test
    void aRateLimitAnIdempotencyConflictOrATimeoutLeaveNoLinkAndSayWhy() {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class).hasMessageContaining("429, retry after 3s")
                .hasMessageNotContaining("sk_test");

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(409)
                .withBody("{\"error\":{\"code\":\"idempotency_key_in_use\",\"type\":\"idempotency_error\"}}")));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).hasMessageContaining("409 idempotency_key_in_use");

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent requests can only be used with the same parameters\"}}")));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class).hasMessageContaining("400");

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson("{}").withFixedDelay(3000)));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class).hasMessageContaining("failed");
    }
}
