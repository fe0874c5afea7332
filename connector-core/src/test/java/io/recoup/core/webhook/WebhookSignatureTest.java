package io.recoup.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code Recoup-Signature} header, checked against a value computed independently (openssl). */
class WebhookSignatureTest {
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "whsec_test".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampDotBodyWithHmacSha256AsHex() {
        // printf '1767225600.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.header(1_767_225_600L, BODY, List.of(SECRET)))
                .isEqualTo("t=1767225600,v1=45b40331de0325606dc5400202ade162460fbe48daf9401adfdcd0d7b4f35470");
    }

    @Test
    void aReceiverAcceptsEitherSecretDuringARotationAndRefusesAChangedBody() {
        byte[] old = "whsec_old".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header(1_767_225_600L, BODY, List.of(SECRET, old));
        assertThat(WebhookSignature.verifies(header, BODY, SECRET)).isTrue();
        assertThat(WebhookSignature.verifies(header, BODY, old)).isTrue();
        assertThat(WebhookSignature.verifies(header, "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8), SECRET)).isFalse();
        assertThat(WebhookSignature.verifies(header.replace("t=1767225600", "t=1767225601"), BODY, SECRET)).isFalse();
    }
}
