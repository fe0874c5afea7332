package io.recoup.adapters.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMS and calls against a WireMock Twilio whose answers are shaped from Twilio's documented ones. */
class TwilioChannelsIT {
    private static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/AC123/Calls.json";
    private static final ReminderMessage SMS = new ReminderMessage("notice-7", "Jane", "+4915112345678", "Reminder",
            "Acme: 1 invoice unpaid, EUR 120.00. Pay: https://pay.example/cs_1\n", List.of(),
            Map.of("language", "de", "payment.link", "https://pay.example/cs_1"));

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    private TwilioSettings settings(int attempts, Duration maxWait, Duration timeout) {
        return new TwilioSettings(URI.create(twilio.baseUrl()), "AC123", "token-1", "+15017122661",
                URI.create("https://recoup.example/webhooks/twilio"), URI.create("https://recoup.example/webhooks/twilio-connect"),
                Optional.of("+49301234567"), 10, attempts, maxWait, timeout);
    }

    private TwilioHttp http(TwilioSettings settings) {
        TwilioHttp http = new TwilioHttp(settings);
        http.onRetryWait(waits::add);
        return http;
    }

    private static String created(String sid) {
        return "{\"sid\": \"" + sid + "\", \"status\": \"queued\", \"account_sid\": \"AC123\", \"api_version\": \"2010-04-01\"}";
    }

    @Test
    void sendsTheShortTextWithItsPaymentLinkAndAsksForStatusCallbacks() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withBody(created("SM1"))));
        TwilioSettings settings = settings(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(TwilioReminderChannel.sms(settings, http(settings)).deliver(SMS)).isEqualTo(new DeliveryResult.Sent("SM1"));

        LoggedRequest request = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic QUMxMjM6dG9rZW4tMQ==");
        assertThat(form(request)).containsEntry("To", "+4915112345678").containsEntry("From", "+15017122661")
                .containsEntry("Body", "Acme: 1 invoice unpaid, EUR 120.00. Pay: https://pay.example/cs_1")
                .containsEntry("StatusCallback", "https://recoup.example/webhooks/twilio");
    }

    @Test
    void waitsWhatRetryAfterAsksWhenRateLimitedThenSendsOnce() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("free"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(201).withBody(created("SM2"))));
        TwilioSettings settings = settings(3, Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(TwilioReminderChannel.sms(settings, http(settings)).deliver(SMS)).isEqualTo(new DeliveryResult.Sent("SM2"));
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void waitsUntilTheHttpDateARetryAfterNamesThenSendsOnce() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Wed, 02 Dec 2026 12:00:01 GMT")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("free"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(201).withBody(created("SM3"))));
        TwilioSettings settings = settings(3, Duration.ofSeconds(5), Duration.ofSeconds(5));
        TwilioHttp http = new TwilioHttp(settings, java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T12:00:00Z"),
                java.time.ZoneOffset.UTC));
        http.onRetryWait(waits::add);

        assertThat(TwilioReminderChannel.sms(settings, http).deliver(SMS)).isEqualTo(new DeliveryResult.Sent("SM3"));
        assertThat(waits).as("until the date, not the 500 ms backoff").containsExactly(Duration.ofSeconds(1));
        twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aSendTwilioKeepsFailingIsAChannelFailureNamingTwiliosError() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)
                .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        TwilioSettings settings = settings(3, Duration.ofMillis(20), Duration.ofSeconds(5));

        assertThatThrownBy(() -> TwilioReminderChannel.sms(settings, http(settings)).deliver(SMS))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_FAILURE))
                .hasMessage("twilio did not take the messages request after 3 attempt(s): twilio answered 500 to Messages: "
                        + "20500 Internal Server Error");
        twilio.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aNumberTwilioRefusesIsABounceWithItsErrorCodeAndIsNotRetried() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400).withBody(
                "{\"code\": 21211, \"message\": \"The 'To' number +4915112345678 is not a valid phone number.\", \"status\": 400}")));
        TwilioSettings settings = settings(3, Duration.ofMillis(20), Duration.ofSeconds(5));

        DeliveryResult result = TwilioReminderChannel.sms(settings, http(settings)).deliver(SMS);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Bounced.class, b -> assertThat(b.reason())
                .startsWith("twilio answered 400 to Messages: 21211 The 'To' number"));
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRequestThatTimesOutIsNotRepeatedBecauseTwilioMayHaveCreatedIt() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withBody(created("SM3"))
                .withFixedDelay(2_000)));
        TwilioSettings settings = settings(3, Duration.ofMillis(20), Duration.ofMillis(300));

        assertThatThrownBy(() -> TwilioReminderChannel.sms(settings, http(settings)).deliver(SMS))
                .isInstanceOf(RecoupException.class).hasMessageContaining("it may or may not have been created");
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(TwilioReminderChannel.sms(settings).deduplicates()).isFalse();
    }

    @Test
    void placesACallThatSaysTheTextInTheCustomersLanguageAndOffersToConnect() {
        twilio.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withBody(created("CA1"))));
        TwilioSettings settings = settings(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(TwilioReminderChannel.call(settings, http(settings)).deliver(SMS)).isEqualTo(new DeliveryResult.Sent("CA1"));

        Map<String, String> form = form(twilio.findAll(postRequestedFor(urlEqualTo(CALLS))).get(0));
        assertThat(form).containsEntry("To", "+4915112345678").containsEntry("StatusCallback", "https://recoup.example/webhooks/twilio");
        assertThat(form.get("Twiml")).startsWith("<Response><Gather numDigits=\"1\" timeout=\"5\" "
                + "action=\"https://recoup.example/webhooks/twilio-connect?lang=de\" method=\"POST\"><Say language=\"de-DE\">Acme:")
                .contains("drücken Sie die 1.");
        twilio.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("Twiml=")).withHeader("Content-Type",
                equalTo("application/x-www-form-urlencoded")));
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
