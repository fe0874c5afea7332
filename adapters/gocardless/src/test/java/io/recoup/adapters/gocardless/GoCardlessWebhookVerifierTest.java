package io.recoup.adapters.gocardless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.SourceSettings;
import io.recoup.core.port.WebhookVerdict;
import io.recoup.core.port.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoCardlessWebhookVerifierTest {
    private static final String SECRET = "gc_webhook_secret_current";
    private static final String OLD_SECRET = "gc_webhook_secret_before_rotation";
    private static final byte[] BATCH = GoCardlessFixtures.fixture("gocardless-pro-python-webhook_body.json");

    private final WebhookVerifier verifier = new GoCardlessPaymentProvider().webhooks(new SourceSettings("gocardless",
            Map.of("webhook-secrets", List.of(SECRET, OLD_SECRET), "access-token", "sandbox_token")), Clock.systemUTC());

    private WebhookVerdict deliver(String signature, byte[] body) {
        return verifier.verify(name -> name.equalsIgnoreCase("Webhook-Signature") ? Optional.ofNullable(signature) : Optional.empty(),
                body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheSignedFixtureBatchWithEveryEventItsTypeAndTime() {
        WebhookVerdict verdict = deliver(GoCardlessSignature.sign(SECRET, BATCH), BATCH);

        assertThat(verdict).isInstanceOfSatisfying(WebhookVerdict.Accepted.class, a -> {
            assertThat(a.events()).extracting(ProviderEvent::eventId).containsExactly("EV00BD05S5VM2T", "EV00BD05TB8K63");
            assertThat(a.events()).extracting(ProviderEvent::type).containsExactly("subscriptions.created", "mandates.created");
            assertThat(a.events().get(1).created()).isEqualTo(Instant.parse("2018-07-05T09:13:56.893Z"));
            assertThat(a.events()).allSatisfy(e -> assertThat(e.provider()).isEqualTo("gocardless"));
            assertThat(GoCardlessFixtures.tree(new String(a.events().get(1).payload(), StandardCharsets.UTF_8)).path("links")
                    .path("mandate").asText()).isEqualTo("MD000AMA19XGEC");
        });
    }

    @Test
    void acceptsTheOldSecretDuringARotationAndAnUpperCaseSignature() {
        assertThat(deliver(GoCardlessSignature.sign(OLD_SECRET, BATCH), BATCH)).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(deliver(GoCardlessSignature.sign(SECRET, BATCH).toUpperCase(), BATCH)).isInstanceOf(WebhookVerdict.Accepted.class);
        WebhookVerifier fromEnvironment = new GoCardlessPaymentProvider().webhooks(new SourceSettings("gocardless",
                Map.of("webhook-secrets", SECRET + ", " + OLD_SECRET)), Clock.systemUTC());
        assertThat(fromEnvironment.verify(n -> Optional.of(GoCardlessSignature.sign(OLD_SECRET, BATCH)), BATCH))
                .isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void refusesASignatureOfAnotherSecretOrOfAnotherBody() {
        byte[] changed = bytes(new String(BATCH, StandardCharsets.UTF_8).replace("MD000AMA19XGEC", "MD000FORGED000"));

        assertThat(deliver(GoCardlessSignature.sign("someone_elses_secret", BATCH), BATCH)).isInstanceOf(WebhookVerdict.Refused.class);
        assertThat(deliver(GoCardlessSignature.sign(SECRET, BATCH), changed)).isInstanceOf(WebhookVerdict.Refused.class);
    }

    @Test
    void callsAnUnsignedOrUnreadableDeliveryMalformed() {
        assertThat(deliver(null, BATCH)).isInstanceOf(WebhookVerdict.Malformed.class);
        assertThat(deliver("abc123", BATCH)).isInstanceOf(WebhookVerdict.Malformed.class);
        assertThat(deliver("z".repeat(64), BATCH)).isInstanceOf(WebhookVerdict.Malformed.class);
        for (String body : List.of("not json", "{\"event\":{}}", "[]", "{\"events\":[{\"id\":\"EV1\",\"action\":\"created\"}]}",
                "{\"events\":[{\"id\":\"EV1\",\"resource_type\":\"payments\",\"action\":\"confirmed\",\"created_at\":\"yesterday\"}]}")) {
            assertThat(deliver(GoCardlessSignature.sign(SECRET, bytes(body)), bytes(body))).as(body)
                    .isInstanceOf(WebhookVerdict.Malformed.class);
        }
    }

    @Test
    void refusesToStartWithoutASecretOrAnAccessToken() {
        GoCardlessPaymentProvider gocardless = new GoCardlessPaymentProvider();
        Clock clock = Clock.systemUTC();

        assertThatThrownBy(() -> gocardless.webhooks(new SourceSettings("gocardless", Map.of()), clock))
                .hasMessageContaining("webhook-secrets");
        assertThatThrownBy(() -> gocardless.webhooks(new SourceSettings("gocardless", Map.of("webhook-secrets", List.of(" "))), clock))
                .hasMessageContaining("webhook-secrets");
        assertThatThrownBy(() -> gocardless.events(new SourceSettings("gocardless", Map.of("webhook-secrets", "s"))))
                .hasMessageContaining("access-token");
    }
}
