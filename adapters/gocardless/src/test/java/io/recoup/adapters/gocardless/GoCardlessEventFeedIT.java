package io.recoup.adapters.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** GoCardless's event list through WireMock, pages shaped from the events fixture. */
class GoCardlessEventFeedIT {
    private static final Instant FROM = Instant.parse("2026-12-01T08:00:00Z");
    private WireMockServer gocardless;
    private ProviderEventFeed feed;

    @BeforeEach
    void start() {
        gocardless = new WireMockServer(options().dynamicPort());
        gocardless.start();
        feed = new GoCardlessPaymentProvider().feed(new SourceSettings("gocardless", Map.of("webhook-secrets", "s",
                "access-token", "sandbox_events", "api-base", gocardless.baseUrl(), "timeout", "3s"))).orElseThrow();
    }

    @AfterEach
    void stop() {
        gocardless.stop();
    }

    /** The list fixture with its two events as {@code first} and {@code second}, newest first, and the cursor. */
    private static String page(String first, String firstAt, String second, String secondAt, String after) {
        ObjectNode body = GoCardlessFixtures.body("events", "list");
        ArrayNode events = (ArrayNode) body.get("events");
        ((ObjectNode) events.get(0)).put("id", first).put("created_at", firstAt).put("resource_type", "payments").put("action", "confirmed");
        ((ObjectNode) events.get(1)).put("id", second).put("created_at", secondAt);
        ObjectNode cursors = (ObjectNode) body.with("meta").with("cursors");
        if (after == null) {
            cursors.putNull("after");
        } else {
            cursors.put("after", after);
        }
        return body.toString();
    }

    @Test
    void readsEveryPageWithTheAfterCursorAndReturnsTheEventsOldestFirstAsGoCardlessWritesThem() {
        gocardless.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", absent()).willReturn(okJson(
                page("EV4", "2026-12-01T09:04:00.000Z", "EV3", "2026-12-01T09:03:00.000Z", "EV3"))));
        gocardless.stubFor(get(urlPathEqualTo("/events")).withQueryParam("after", equalTo("EV3")).willReturn(okJson(
                page("EV2", "2026-12-01T09:02:00.000Z", "EV1", "2026-12-01T09:01:00.000Z", null))));

        var events = feed.createdSince(FROM);

        assertThat(events).extracting(ProviderEvent::eventId).containsExactly("EV1", "EV2", "EV3", "EV4");
        assertThat(events).extracting(ProviderEvent::type).containsExactly("mandates.cancelled", "payments.confirmed",
                "mandates.cancelled", "payments.confirmed");
        var json = GoCardlessFixtures.tree(new String(events.get(1).payload(), StandardCharsets.UTF_8));
        assertThat(json.path("links").path("payment").asText()).isEqualTo("PM123");
        assertThat(json.path("details").path("reason_code").asText()).isEqualTo("ADDACS-B");
        assertThat(json.path("details").path("origin").asText()).isEqualTo("bank");
        gocardless.verify(2, getRequestedFor(urlPathEqualTo("/events")).withHeader("Authorization", equalTo("Bearer sandbox_events"))
                .withQueryParam("created_at[gte]", equalTo("2026-12-01T08:00:00Z")).withQueryParam("limit", equalTo("500")));
    }

    @Test
    void aRateLimitAServerErrorOrATimeoutMakeTheFeedUnavailableForThisRun() {
        gocardless.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class);

        gocardless.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class);

        gocardless.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("{\"events\":[]}").withFixedDelay(6000)));
        assertThatThrownBy(() -> feed.createdSince(FROM)).isInstanceOf(FeedUnavailable.class).hasMessageContaining("failed");
    }
}
