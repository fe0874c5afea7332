package io.recoup.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {
    private static final String SECRET = "whsec_test_current";
    private static final String OLD_SECRET = "whsec_test_before_rotation";
    private static final long NOW = 1_780_000_000L;
    private static final byte[] BODY = fixture("webhook-envelope.checkout.session.completed.DERIVED.json");

    private final WebhookVerifier verifier = new StripePaymentProvider().webhooks(
            new SourceSettings("stripe", Map.of("webhook-secrets", List.of(SECRET, OLD_SECRET))),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private WebhookVerdict deliver(String header, byte[] body) {
        return verifier.verify(name -> name.equalsIgnoreCase("Stripe-Signature") ? Optional.ofNullable(header) : Optional.empty(), body);
    }

    @Test
    void acceptsTheFixtureSignedWithTheSecretAndReadsItsIdTypeAndTime() {
        WebhookVerdict verdict = deliver(StripeSignature.sign(SECRET, NOW - 10, BODY), BODY);

        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Accepted.class, a -> {
            ProviderEvent event = a.events().get(0);
            assertThat(event.provider()).isEqualTo("stripe");
            assertThat(event.eventId()).startsWith("evt_");
            assertThat(event.type()).isEqualTo("checkout.session.completed");
            assertThat(event.payload()).isEqualTo(BODY);
        });
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringASecretRotation() {
        String otherEndpoint = StripeSignature.sign("whsec_someone_else", NOW, BODY).split(",")[1];
        String old = StripeSignature.sign(OLD_SECRET, NOW, BODY).split(",")[1];

        assertThat(deliver("t=" + NOW + "," + otherEndpoint + "," + old + ",v0=abc", BODY)).isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void refusesASignatureOfAnotherSecretOrOfAnotherBody() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("cs_test_a1", "cs_test_b1").getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(StripeSignature.sign("whsec_forged", NOW, BODY), BODY)).isInstanceOf(WebhookVerdict.Refused.class);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW, BODY), changed)).isInstanceOf(WebhookVerdict.Refused.class);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW, BODY).replace("t=" + NOW, "t=" + (NOW + 1)), BODY))
                .as("the time is signed too").isInstanceOf(WebhookVerdict.Refused.class);
    }

    @Test
    void refusesASignatureOlderOrNewerThanFiveMinutes() {
        assertThat(deliver(StripeSignature.sign(SECRET, NOW - 300, BODY), BODY)).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW - 301, BODY), BODY)).isInstanceOf(WebhookVerdict.Refused.class);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW + 301, BODY), BODY)).isInstanceOf(WebhookVerdict.Refused.class);
    }

    @Test
    void callsAnUnsignedOrUnreadableDeliveryMalformed() {
        String valid = StripeSignature.sign(SECRET, NOW, BODY);

        assertThat(deliver(null, BODY)).isInstanceOf(WebhookVerdict.Malformed.class);
        assertThat(deliver("garbage", BODY)).isInstanceOf(WebhookVerdict.Malformed.class);
        assertThat(deliver("t=" + NOW + ",v0=" + "a".repeat(64), BODY)).as("only v1 counts").isInstanceOf(WebhookVerdict.Malformed.class);
        assertThat(deliver(valid.replace("t=" + NOW, "t=soon"), BODY)).isInstanceOf(WebhookVerdict.Malformed.class);
        byte[] notJson = "{\"id\": evt_".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW, notJson), notJson)).isInstanceOf(WebhookVerdict.Malformed.class);
        byte[] noId = "{\"type\":\"charge.refunded\",\"created\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW, noId), noId)).isInstanceOf(WebhookVerdict.Malformed.class);
    }

    @Test
    void readsOnlyTheEnvelopeYetRefusesABodyBrokenDeeperDownOrWithSomethingAfterIt() {
        String envelope = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.refunded\",\"created\":1780000000,";
        List<String> refused = List.of(envelope + "\"data\":{\"object\":{\"id\":\"ch_1\",}}}",
                envelope + "\"data\":{\"object\":{\"id\":\"ch_1\"}}} {}",
                envelope.replace("1780000000", "1780000000.5") + "\"data\":{}}",
                envelope.replace("\"evt_1\"", "[\"evt_1\"]") + "\"data\":{}}",
                envelope.replace("\"event\"", "\"charge\"") + "\"data\":{}}");

        for (String body : refused) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(deliver(StripeSignature.sign(SECRET, NOW, bytes), bytes)).as(body).isInstanceOf(WebhookVerdict.Malformed.class);
        }
        byte[] nested = (envelope + "\"data\":{\"object\":{\"id\":\"cs_1\",\"type\":\"x\",\"created\":1}}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(StripeSignature.sign(SECRET, NOW, nested), nested)).isInstanceOfSatisfying(WebhookVerdict.Accepted.class,
                a -> assertThat(a.events()).singleElement().satisfies(e -> {
                    assertThat(e.eventId()).isEqualTo("evt_1");
                    assertThat(e.type()).isEqualTo("charge.refunded");
                    assertThat(e.created()).isEqualTo(Instant.ofEpochSecond(1_780_000_000L));
                }));
    }

    @Test
    void refusesToStartWithoutASecret() {
        StripePaymentProvider stripe = new StripePaymentProvider();
        Clock clock = Clock.systemUTC();

        assertThatThrownBy(() -> stripe.webhooks(new SourceSettings("stripe", Map.of()), clock)).hasMessageContaining("webhook-secrets");
        assertThatThrownBy(() -> stripe.webhooks(new SourceSettings("stripe", Map.of("webhook-secrets", List.of(" "))), clock))
                .hasMessageContaining("webhook-secrets");
    }

    static byte[] fixture(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/fixtures"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no shared/fixtures above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllBytes(dir.resolve("shared/fixtures/stripe").resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
