package io.recoup.adapters.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.recoup.core.retry.RetryBudget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's {@code Retry-After} honoured within one call, Stripe played by WireMock: a 429 asking for a wait within the
 * budget is asked again after exactly that wait (seconds or an HTTP date), never before it (the sleeper sees one request
 * on the wire while it waits), a POST again under the same idempotency key; a wait beyond the budget, or the last
 * attempt, goes back to the caller at once. The sleeper records instead of sleeping, so nothing here waits.
 */
class StripeRetryAfterIT {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String SESSIONS = "/v1/checkout/sessions";

    private WireMockServer stripe;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<Integer> requestsSeenWhileWaiting = new CopyOnWriteArrayList<>();
    private StripeApi api;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        api = new StripeApi(URI.create(stripe.baseUrl()), "sk_test_retry", Duration.ofSeconds(5), new RetryBudget(3,
                Duration.ofSeconds(10), wait -> {
                    requestsSeenWhileWaiting.add(stripe.getAllServeEvents().size());
                    waits.add(wait);
                }), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    @Test
    void aRateLimitedSessionIsAskedForAgainAfterTheSecondsStripeAskedUnderTheSameKey() throws Exception {
        stripe.stubFor(once(post(urlPathEqualTo(SESSIONS)), aResponse().withStatus(429).withHeader("Retry-After", "2")));
        stripe.stubFor(post(urlPathEqualTo(SESSIONS)).inScenario("limit").whenScenarioStateIs("answered")
                .willReturn(okJson("{\"id\":\"cs_test_after_429\",\"object\":\"checkout.session\"}")));

        assertThat(api.post(SESSIONS, Map.of("mode", "payment"), "recoup-notice-5-1").path("id").asText()).isEqualTo("cs_test_after_429");

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(requestsSeenWhileWaiting).as("the second call only after the wait").containsExactly(1);
        stripe.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)).withHeader("Idempotency-Key", equalTo("recoup-notice-5-1")));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsTheWaitUntilThatTime() throws Exception {
        stripe.stubFor(once(get(urlPathEqualTo("/v1/events")), aResponse().withStatus(429)
                .withHeader("Retry-After", "Wed, 02 Dec 2026 12:00:07 GMT")));
        stripe.stubFor(get(urlPathEqualTo("/v1/events")).inScenario("limit").whenScenarioStateIs("answered")
                .willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":false}")));

        assertThat(api.get("/v1/events?limit=100").path("has_more").asBoolean(true)).isFalse();

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(requestsSeenWhileWaiting).containsExactly(1);
    }

    @Test
    void aWaitBeyondTheBudgetOrPastTheLastAttemptGoesBackToTheCallerAtOnce() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_far")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60")));
        assertThatThrownBy(() -> api.get("/v1/payment_intents/pi_far")).isInstanceOf(StripeApi.Failure.class)
                .hasMessageContaining("429, retry after 60s");
        assertThat(waits).isEmpty();
        assertThat(stripe.getAllServeEvents()).hasSize(1);

        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_busy")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1")));
        assertThatThrownBy(() -> api.get("/v1/payment_intents/pi_busy")).isInstanceOf(StripeApi.Failure.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(stripe.getAllServeEvents()).as("three attempts in all").hasSize(4);
    }

    @Test
    void aRefusalIsNotAskedAgainWhateverItsRetryAfter() {
        stripe.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withStatus(400).withHeader("Retry-After", "1")
                .withBody("{\"error\":{\"code\":\"parameter_invalid_integer\"}}".getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> api.post(SESSIONS, Map.of("mode", "payment"), "recoup-notice-6-1"))
                .hasMessageContaining("400 parameter_invalid_integer");
        assertThat(waits).isEmpty();
    }

    /** Answers {@code first} to the first request only; the test stubs what comes after under state "answered". */
    private static MappingBuilder once(MappingBuilder request, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        return request.inScenario("limit").whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("answered");
    }
}
