package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.store.TemporaryFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The key that seals webhook secrets: configured, or made once into a file only its owner reads. */
class OutboundWebhooksKeyTest {

    @Test
    void makesTheKeyFileOnceReadableByItsOwnerOnlyAndReadsTheSameKeyAfterwards() throws IOException {
        Path file = TemporaryFolders.create("recoup-webhook-key").resolve("keys/outbound-webhooks.key");

        byte[] first = OutboundWebhooksConfiguration.keyFile(file);

        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(OutboundWebhooksConfiguration.keyFile(file)).isEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void refusesAConfiguredKeyThatIsNot32BytesOfBase64ByTheSettingsName() {
        assertThatThrownBy(() -> OutboundWebhooksConfiguration.decoded(Base64.getEncoder().encodeToString(new byte[16]),
                "recoup.outbound-webhooks.key")).isInstanceOfSatisfying(ConfigurationRefused.class,
                e -> assertThat(e.keys()).containsExactly("recoup.outbound-webhooks.key")).hasMessageContaining("holds 16 bytes");
        assertThatThrownBy(() -> OutboundWebhooksConfiguration.decoded("not base64!", "recoup.outbound-webhooks.key"))
                .isInstanceOf(ConfigurationRefused.class).hasMessageContaining("is not base64");
    }
}
