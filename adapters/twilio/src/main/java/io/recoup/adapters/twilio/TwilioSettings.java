package io.recoup.adapters.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Twilio account: its API base ({@code https://api.twilio.com}, a local server in tests), account
 * SID and auth token (which also signs the callbacks), the number messages and calls come from, the public URL of
 * Recoup's status callback and of its "press 1" answer, the number a pressed 1 is connected to, and the limits:
 * sends per second (Twilio queues above its own rate, we stay under it), attempts per send and the longest wait
 * between two (a {@code Retry-After} asking for more is capped to it).
 */
public record TwilioSettings(URI apiBase, String accountSid, String authToken, String from, URI statusCallback,
                             URI connectCallback, Optional<String> connectTo, int sendsPerSecond, int maxAttempts,
                             Duration maxWait, Duration timeout) {
    public static final URI API = URI.create("https://api.twilio.com");

    public TwilioSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        requireText(accountSid, "account-sid");
        requireText(authToken, "auth-token");
        requireText(from, "from");
        Objects.requireNonNull(statusCallback, "status-callback");
        Objects.requireNonNull(connectCallback, "connect-callback");
        Objects.requireNonNull(connectTo, "connect-to");
        if (sendsPerSecond < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("twilio: sends-per-second and max-attempts must be at least 1");
        }
        Objects.requireNonNull(maxWait, "max-wait");
        Objects.requireNonNull(timeout, "timeout");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("twilio: " + name + " is required");
        }
    }

    @Override
    public String toString() {
        // the auth token signs everything: never printed
        return "twilio account " + accountSid + " at " + apiBase;
    }
}
