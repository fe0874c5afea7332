package io.recoup.adapters.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Billing Request flow links for notices through WireMock, the answers shaped from GoCardless's documented bodies. */
class GoCardlessPaymentLinkIssuerIT {
    private static final Instant EXPIRES = Instant.parse("2026-12-08T09:00:00Z");
    private static final PaymentLinkIssuer.LinkRequest NOTICE_77 = new PaymentLinkIssuer.LinkRequest("77", 1, Money.of("119.50", "EUR"),
            List.of(new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("100.00", "EUR")),
                    new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-2"), Money.of("19.50", "EUR"))),
            EXPIRES, "Invoices INV-1, INV-2", "csv|C-001");
    private static final String BILLING_REQUEST = "{\"billing_requests\":{\"id\":\"BRQ123\",\"status\":\"pending\","
            + "\"mandate_request\":{\"currency\":\"EUR\",\"scheme\":\"sepa_core\"},\"metadata\":{\"recoup_notice\":\"77\"}}}";
    private static final String FLOW = "{\"billing_request_flows\":{\"id\":\"BRF123\",\"authorisation_url\":"
            + "\"https://pay.gocardless.com/billing/static/flow?id=BRF123\",\"expires_at\":\"2026-12-01T10:00:00.000Z\","
            + "\"links\":{\"billing_request\":\"BRQ123\"}}}";
    private WireMockServer gocardless;

    @BeforeEach
    void start() {
        gocardless = new WireMockServer(options().dynamicPort());
        gocardless.start();
    }

    @AfterEach
    void stop() {
        gocardless.stop();
    }

    private PaymentLinkIssuer issuer(boolean instant) {
        return new GoCardlessPaymentProvider().links(new SourceSettings("gocardless", Map.of("webhook-secrets", "s",
                "access-token", "sandbox_links", "api-base", gocardless.baseUrl(), "timeout", "3s",
                "instant-first-payment", String.valueOf(instant), "redirect-uri", "https://recoup.example/gc/return"))).orElseThrow();
    }

    private void flowAnswers() {
        gocardless.stubFor(post(urlPathEqualTo("/billing_request_flows")).willReturn(okJson(FLOW)));
    }

    @Test
    void makesABillingRequestForASepaMandateWithTheNoticesKeyAndOffersItsFlowsAuthorisationUrl() {
        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(okJson(BILLING_REQUEST)));
        flowAnswers();

        PaymentLinkIssuer.PaymentLink link = issuer(false).issue(NOTICE_77);

        assertThat(link).isEqualTo(new PaymentLinkIssuer.PaymentLink("gocardless", "BRF123",
                URI.create("https://pay.gocardless.com/billing/static/flow?id=BRF123"), Instant.parse("2026-12-01T10:00:00Z")));
        gocardless.verify(postRequestedFor(urlPathEqualTo("/billing_requests"))
                .withHeader("Idempotency-Key", equalTo("recoup-notice-77-1"))
                .withHeader("Authorization", equalTo("Bearer sandbox_links"))
                .withRequestBody(equalToJson("{\"billing_requests\":{\"mandate_request\":{\"currency\":\"EUR\",\"scheme\":\"sepa_core\","
                        + "\"metadata\":{\"recoup_customer\":\"csv|C-001\"}},\"metadata\":{\"recoup_customer\":\"csv|C-001\","
                        + "\"recoup_notice\":\"77\"}}}", true, false)));
        gocardless.verify(postRequestedFor(urlPathEqualTo("/billing_request_flows"))
                .withRequestBody(matchingJsonPath("$.billing_request_flows.links.billing_request", equalTo("BRQ123")))
                .withRequestBody(matchingJsonPath("$.billing_request_flows.redirect_uri", equalTo("https://recoup.example/gc/return"))));
    }

    @Test
    void asksForAnInstantFirstPaymentOfTheNoticeWhenConfigured() {
        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(okJson(BILLING_REQUEST)));
        flowAnswers();

        issuer(true).issue(NOTICE_77);

        gocardless.verify(postRequestedFor(urlPathEqualTo("/billing_requests"))
                .withRequestBody(matchingJsonPath("$.billing_requests.payment_request.amount", equalTo("11950")))
                .withRequestBody(matchingJsonPath("$.billing_requests.payment_request.currency", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$.billing_requests.payment_request.metadata.recoup_items",
                        equalTo("csv|INV-1|100.00;csv|INV-2|19.50"))));
    }

    @Test
    void anIdempotencyConflictFetchesTheBillingRequestMadeTheFirstTime() {
        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_state\",\"code\":409,"
                        + "\"message\":\"A resource has already been created with this idempotency key\",\"errors\":[{\"reason\":"
                        + "\"idempotent_creation_conflict\",\"message\":\"A resource has already been created with this idempotency key\","
                        + "\"links\":{\"conflicting_resource_id\":\"BRQ123\"}}]}}")));
        gocardless.stubFor(get(urlPathEqualTo("/billing_requests/BRQ123")).willReturn(okJson(BILLING_REQUEST)));
        flowAnswers();

        assertThat(issuer(false).issue(NOTICE_77).id()).isEqualTo("BRF123");
        gocardless.verify(postRequestedFor(urlPathEqualTo("/billing_request_flows"))
                .withRequestBody(matchingJsonPath("$.billing_request_flows.links.billing_request", equalTo("BRQ123"))));
    }

    @Test
    void aRateLimitAServerErrorOrATimeoutLeaveNoLinkAndSayWhyWithoutTheToken() {
        PaymentLinkIssuer issuer = issuer(false);
        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_api_usage\",\"code\":429,"
                        + "\"message\":\"Rate limit exceeded\",\"errors\":[{\"reason\":\"rate_limit_exceeded\",\"message\":\"x\"}]}}")));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class)
                .hasMessageContaining("429").hasMessageContaining("rate_limit_exceeded").hasMessageNotContaining("sandbox_links");

        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class);

        gocardless.stubFor(post(urlPathEqualTo("/billing_requests")).willReturn(okJson(BILLING_REQUEST).withFixedDelay(6000)));
        assertThatThrownBy(() -> issuer.issue(NOTICE_77)).isInstanceOf(PaymentLinkUnavailable.class).hasMessageContaining("failed");

        gocardless.verify(3, postRequestedFor(urlPathEqualTo("/billing_requests")).withHeader("Idempotency-Key", equalTo("recoup-notice-77-1")));
    }
}
