package io.recoup.adapters.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.core.port.SourceSettings;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments against GoCardless mandates through WireMock, the answers shaped from the payments fixture. */
class GoCardlessMandateCollectorIT {
    private static final MandateCollector.CollectionRequest INV_1 = new MandateCollector.CollectionRequest("MD001",
            new OpenItemKey("csv", "INV-1"), 1, Money.of("100.00", "EUR"), Optional.of(LocalDate.parse("2026-12-10")), "Invoice INV-1");
    private WireMockServer gocardless;
    private MandateCollector collector;

    @BeforeEach
    void start() {
        gocardless = new WireMockServer(options().dynamicPort());
        gocardless.start();
        collector = new GoCardlessPaymentProvider().collector(new SourceSettings("gocardless", Map.of("webhook-secrets", "s",
                "access-token", "sandbox_collect", "api-base", gocardless.baseUrl(), "timeout", "3s"))).orElseThrow();
    }

    @AfterEach
    void stop() {
        gocardless.stop();
    }

    private static String created(String id) {
        return GoCardlessFixtures.payment(id, Map.of("status", "pending_submission", "charge_date", "2026-12-10"));
    }

    @Test
    void collectsTheItemAgainstTheMandateWithItsKeyItsAmountInCentsAndOurItemInTheMetadata() {
        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(okJson(created("PM001"))));

        assertThat(collector.collect(INV_1)).isEqualTo(new MandateCollector.CollectedPayment("PM001", "pending_submission",
                LocalDate.parse("2026-12-10")));
        gocardless.verify(postRequestedFor(urlPathEqualTo("/payments"))
                .withHeader("Idempotency-Key", equalTo("recoup-item-csv-INV-1-1"))
                .withHeader("Authorization", equalTo("Bearer sandbox_collect"))
                .withRequestBody(matchingJsonPath("$.payments.amount", equalTo("10000")))
                .withRequestBody(matchingJsonPath("$.payments.currency", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$.payments.charge_date", equalTo("2026-12-10")))
                .withRequestBody(matchingJsonPath("$.payments.links.mandate", equalTo("MD001")))
                .withRequestBody(matchingJsonPath("$.payments.metadata.recoup_items", equalTo("csv|INV-1|100.00"))));
    }

    @Test
    void aSecondAskWithTheSameKeyGetsThePaymentMadeTheFirstTime() {
        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_state\",\"code\":409,"
                        + "\"message\":\"conflict\",\"errors\":[{\"reason\":\"idempotent_creation_conflict\",\"message\":\"conflict\","
                        + "\"links\":{\"conflicting_resource_id\":\"PM001\"}}]}}")));
        gocardless.stubFor(get(urlPathEqualTo("/payments/PM001")).willReturn(okJson(created("PM001"))));

        assertThat(collector.collect(INV_1).paymentId()).isEqualTo("PM001");
    }

    @Test
    void aCancelledMandateIsRefusedForGoodWhileAnOutageCanBeAskedAgain() {
        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_state\",\"code\":422,"
                        + "\"message\":\"Mandate is cancelled\",\"errors\":[{\"reason\":\"mandate_is_inactive\",\"message\":\"x\"}]}}")));
        assertThatThrownBy(() -> collector.collect(INV_1)).isInstanceOf(MandateCollector.CollectionRefused.class)
                .hasMessageContaining("mandate_is_inactive");

        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> collector.collect(INV_1)).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void aRateLimitAServerErrorOrATimeoutCanBeAskedAgainAndEveryAskCarriesTheSameKey() {
        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_api_usage\",\"code\":429,"
                        + "\"message\":\"Rate limit exceeded\",\"errors\":[{\"reason\":\"rate_limit_exceeded\",\"message\":\"x\"}]}}")));
        assertThatThrownBy(() -> collector.collect(INV_1)).isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("429").hasMessageNotContaining("sandbox_collect");

        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> collector.collect(INV_1)).isInstanceOf(ProviderUnavailable.class);

        gocardless.stubFor(post(urlPathEqualTo("/payments")).willReturn(okJson(created("PM001")).withFixedDelay(6000)));
        assertThatThrownBy(() -> collector.collect(INV_1)).isInstanceOf(ProviderUnavailable.class);

        // one attempt per ask (the SDK retries nothing itself), each with the item's key: the next run cannot charge twice
        gocardless.verify(3, postRequestedFor(urlPathEqualTo("/payments")));
        gocardless.verify(3, postRequestedFor(urlPathEqualTo("/payments")).withHeader("Idempotency-Key", equalTo("recoup-item-csv-INV-1-1")));
    }
}
