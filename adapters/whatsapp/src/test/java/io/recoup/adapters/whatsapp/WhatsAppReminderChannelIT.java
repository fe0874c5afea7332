package io.recoup.adapters.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.recoup.core.RecoupException;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Template messages against a WireMock Cloud API whose answers are shaped from Meta's documented ones. */
class WhatsAppReminderChannelIT {
    private static final String MESSAGES = "/v21.0/1055/messages";
    private static final String ACCEPTED = """
            {"messaging_product": "whatsapp", "contacts": [{"input": "4915112345678", "wa_id": "4915112345678"}],
             "messages": [{"id": "wamid.HBgLNDkxNTExMjM0NTY3OBUCABEYEjdBMjA"}]}""";
    private static final ReminderMessage MESSAGE = new ReminderMessage("notice-7", "Jane", "+49 151 1234 5678", "Reminder",
            "text for the local outbox", List.of(), Map.of("language", "de", "customer.name", "Jane Doe",
            "invoice.numbers", "INV-1, INV-2", "amount.total", "EUR 240.00", "payment.reference", "RF18 INV1",
            "payment.link", "https://pay.example/cs_1"));

    private final WireMockServer meta = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        meta.start();
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    private WhatsAppReminderChannel channel(int attempts, Duration maxWait) {
        WhatsAppReminderChannel channel = new WhatsAppReminderChannel(WhatsAppFixture.settings(meta.baseUrl() + "/v21.0", attempts, maxWait));
        channel.onRetryWait(waits::add);
        return channel;
    }

    @Test
    void sendsTheApprovedTemplateWithItsParametersAndThePaymentLinkOnTheButton() {
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200).withBody(ACCEPTED)));

        assertThat(channel(3, Duration.ofSeconds(1)).deliver(MESSAGE))
                .isEqualTo(new DeliveryResult.Sent("wamid.HBgLNDkxNTExMjM0NTY3OBUCABEYEjdBMjA"));

        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915112345678", "type": "template",
                         "template": {"name": "payment_reminder", "language": {"code": "de"}, "components": [
                           {"type": "body", "parameters": [{"type": "text", "text": "Jane Doe"}, {"type": "text", "text": "INV-1, INV-2"},
                             {"type": "text", "text": "EUR 240.00"}, {"type": "text", "text": "RF18 INV1"}]},
                           {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "cs_1"}]}]}}""")));
    }

    @Test
    void waitsWhatRetryAfterAsksWhenThrottledThenSendsOnce() {
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(
                        "{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"type\": \"OAuthException\", \"code\": 130429}}"))
                .willSetStateTo("free"));
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(ACCEPTED)));

        assertThat(channel(3, Duration.ofSeconds(5)).deliver(MESSAGE)).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void waitsUntilTheHttpDateARetryAfterNamesThenSendsOnce() {
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Wed, 02 Dec 2026 12:00:01 GMT").withBody(
                        "{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"type\": \"OAuthException\", \"code\": 130429}}"))
                .willSetStateTo("free"));
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(ACCEPTED)));
        WhatsAppReminderChannel channel = new WhatsAppReminderChannel(WhatsAppFixture.settings(meta.baseUrl() + "/v21.0", 3,
                Duration.ofSeconds(5)), java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T12:00:00Z"), java.time.ZoneOffset.UTC));
        channel.onRetryWait(waits::add);

        assertThat(channel.deliver(MESSAGE)).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(waits).as("until the date, not the 500 ms backoff").containsExactly(Duration.ofSeconds(1));
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aMessageTheCloudApiKeepsFailingIsAChannelFailureAndARefusalForGoodABounce() {
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500).withBody(
                "{\"error\": {\"message\": \"Service temporarily unavailable\", \"code\": 2}}")));
        assertThatThrownBy(() -> channel(2, Duration.ofMillis(20)).deliver(MESSAGE)).isInstanceOf(RecoupException.class)
                .hasMessage("whatsapp did not take the message after 2 attempt(s): whatsapp answered 500: 2 Service temporarily unavailable");
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));

        meta.resetAll();
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\": {\"message\": \"(#131026) Message undeliverable\", \"code\": 131026}}")));
        assertThat(channel(3, Duration.ofMillis(20)).deliver(MESSAGE)).isEqualTo(
                new DeliveryResult.Bounced("whatsapp answered 400: 131026 (#131026) Message undeliverable"));
        meta.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }
}
