package io.recoup.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookTest {
    private final WhatsAppWebhook webhook = new WhatsAppWebhook(WhatsAppFixture.settings("http://unused", 1, Duration.ZERO));

    @Test
    void acceptsOnlyTheSignatureOfTheRawBodyWithTheAppSecret() {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        // made with: printf '%s' "$body" | openssl dgst -sha256 -hmac app-secret-1
        String signature = "sha256=844394f43b11b5d0eb7e84dcb24a9b6541567fe194da4d78695f60831c167195";
        assertThat(webhook.verifies(body, signature)).isTrue();
        assertThat(webhook.verifies("{\"object\":\"whatsapp_business_account\" }".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(webhook.verifies(body, signature.replace("sha256=8", "sha256=9"))).isFalse();
        assertThat(webhook.verifies(body, "844394f43b11b5d0eb7e84dcb24a9b6541567fe194da4d78695f60831c167195")).isFalse();
        assertThat(webhook.verifies(body, null)).isFalse();
    }

    @Test
    void answersTheSubscriptionHandshakeOnlyWithOurVerifyToken() {
        assertThat(webhook.handshake("subscribe", "verify-1", "1158201444")).contains("1158201444");
        assertThat(webhook.handshake("subscribe", "guess", "1158201444")).isEmpty();
        assertThat(webhook.handshake("unsubscribe", "verify-1", "1158201444")).isEmpty();
        assertThat(webhook.handshake("subscribe", null, "1158201444")).isEmpty();
    }

    @Test
    void readsStatusesWithMetasErrorAndAStopReplyAsAnOptOut() {
        // shaped from the Cloud API's documented "messages" webhook: a failed and a read status, two replies
        String body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages",
                  "value": {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550783881", "phone_number_id": "1055"},
                    "statuses": [
                      {"id": "wamid.A", "status": "failed", "timestamp": "1773133200", "recipient_id": "4915112345678",
                       "errors": [{"code": 131026, "title": "Message undeliverable"}]},
                      {"id": "wamid.B", "status": "read", "timestamp": "1773133260", "recipient_id": "4915112345679"},
                      {"id": "wamid.C", "status": "deleted", "timestamp": "1773133260", "recipient_id": "4915112345679"}],
                    "messages": [
                      {"from": "4915112345678", "id": "wamid.R1", "timestamp": "1773133300", "type": "text", "text": {"body": " Stop! "}},
                      {"from": "4915112345679", "id": "wamid.R2", "timestamp": "1773133300", "type": "text", "text": {"body": "please stop calling me at night"}},
                      {"from": "4915112345670", "id": "wamid.R3", "timestamp": "1773133300", "type": "button", "button": {"text": "STOPP", "payload": "STOPP"}}]
                  }}]}]}""";

        WhatsAppWebhook.Delivery delivery = webhook.read(body.getBytes(StandardCharsets.UTF_8));

        assertThat(delivery.statuses()).containsExactly(
                new DeliveryStatus(Channel.WHATSAPP, "wamid.A", DeliveryStatus.Kind.FAILED,
                        "failed (whatsapp error 131026 Message undeliverable)", Instant.ofEpochSecond(1773133200)),
                new DeliveryStatus(Channel.WHATSAPP, "wamid.B", DeliveryStatus.Kind.READ, "read", Instant.ofEpochSecond(1773133260)));
        assertThat(delivery.stopRequestsFrom()).containsExactly("4915112345678", "4915112345670");
    }

    @Test
    void refusesABodyThatIsNotAWhatsAppWebhook() {
        assertThatThrownBy(() -> webhook.read("[1,".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhook.read("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not a whatsapp_business_account webhook");
    }
}
