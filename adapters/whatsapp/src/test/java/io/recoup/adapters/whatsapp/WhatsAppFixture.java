package io.recoup.adapters.whatsapp;

import java.net.URI;
import java.time.Duration;

/** Settings of a test WhatsApp number. */
final class WhatsAppFixture {
    private WhatsAppFixture() {
    }

    static WhatsAppSettings settings(String base, int attempts, Duration maxWait) {
        return new WhatsAppSettings(URI.create(base), "1055", "token-1", "app-secret-1", "verify-1", "payment_reminder",
                WhatsAppSettings.DEFAULT_BODY, "https://pay.example/", 20, attempts, maxWait, Duration.ofSeconds(5));
    }
}
