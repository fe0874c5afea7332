package io.recoup.adapters.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventFeed;
import io.recoup.core.port.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's event list through WireMock, pages shaped from the event fixture. */
class StripeEventFeedIT {
    private static final Instant FROM = Instant.ofEpochSecond(1_780_000_000L);
    private WireMockServer stripe;
    private ProviderEventFeed feed;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        feed = new StripePaymentProvider().feed(new SourceSettings("stripe", Map.of("webhook-secrets", "whsec_x",
                "api-key", "rk_test_events", "api-base", stripe.baseUrl(),
                // room for WireMock's first answer on a busy machine (1s timed out under load), well below the delay below
                "timeout", "5s", "retry-longest-wait", "1s"))).orElseThrow();
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    private static String event(String id, long created) {
        return new String(StripeEvents.event(id, "checkout.session.completed", "checkout.session.json", Map.of()).payload(),
                StandardCharsets.UTF_8).replace("1780000000", String.valueOf(created));
    }

    @Test
    void readsEveryPageBackToTheStartOldestFirstWithTheKeyAndTheStartOnTheWire() {
        stripe.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("starting_after", absent())
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":true,\"data\":[" + event("evt_3", 1_780_000_300L) + ","
                        + event("evt_2", 1_780_000_200L) + "]}")));
        stripe.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("starting_after", equalTo("evt_2"))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[" + event("evt_1", 1_780_000_100L) + "]}")));

        assertThat(feed.createdSince(FROM)).extracting(ProviderEvent::eventId).containsExactly("evt_1", "evt_2", "evt_3");
        stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/events")).withHeader("Authorization", equalTo("Bearer rk_test_events"))
                .withQueryParam("created[gte]", equalTo("1780000000")).withQueryParam("limit", equalTo("100")));
    }

    @Test
    void aRateLimitAServerErrorOrATimeoutMakeTheFeedUnavailableForThisRun() {
        stripe.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class).hasMessageContaining("429, retry after 2s");

        stripe.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class).hasMessageContaining("500");

        stripe.stubFor(get(urlPathEqualTo("/v1/events")).willReturn(okJson("{\"data\":[]}").withFixedDelay(12_000)));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class).hasMessageContaining("failed");
    }

    @Test
    void thereIsNoFeedWithoutAnApiKey() {
        assertThat(new StripePaymentProvider().feed(new SourceSettings("stripe", Map.of("webhook-secrets", "whsec_x")))).isEmpty();
    }
}
