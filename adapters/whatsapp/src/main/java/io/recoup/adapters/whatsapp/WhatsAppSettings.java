package io.recoup.adapters.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One WhatsApp Business number: the Graph API base with its version ({@code https://graph.facebook.com/v21.0}, a
 * local server in tests), the phone number id, the access token, the app secret that signs webhooks, the verify token
 * of the subscription handshake; the approved template a reminder is sent as, the names of the reminder values its
 * body parameters take in order, and the start of its URL button's address (the payment link's rest is the button's
 * parameter); and the limits: sends per second, attempts per send, longest wait between two, request timeout.
 */
public record WhatsAppSettings(URI apiBase, String phoneNumberId, String accessToken, String appSecret, String verifyToken,
                               String template, List<String> bodyParameters, String buttonUrlPrefix, int sendsPerSecond,
                               int maxAttempts, Duration maxWait, Duration timeout) {
    public static final URI API = URI.create("https://graph.facebook.com/v21.0");
    /** The values a reminder template's body takes when the settings do not say: who, what, how much, which reference. */
    public static final List<String> DEFAULT_BODY = List.of("customer.name", "invoice.numbers", "amount.total", "payment.reference");

    public WhatsAppSettings {
        Objects.requireNonNull(apiBase, "api-base");
        for (String[] required : new String[][] {{phoneNumberId, "phone-number-id"}, {accessToken, "access-token"},
                {appSecret, "app-secret"}, {verifyToken, "verify-token"}, {template, "template"}}) {
            if (required[0] == null || required[0].isBlank()) {
                throw new IllegalArgumentException("whatsapp: " + required[1] + " is required");
            }
        }
        bodyParameters = List.copyOf(bodyParameters);
        buttonUrlPrefix = buttonUrlPrefix == null ? "" : buttonUrlPrefix;
        if (sendsPerSecond < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("whatsapp: sends-per-second and max-attempts must be at least 1");
        }
        Objects.requireNonNull(maxWait, "max-wait");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        // the token and the secrets are never printed
        return "whatsapp number " + phoneNumberId + " at " + apiBase;
    }
}
