package io.recoup.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Stripe's answers for WireMock in the application's tests, shaped from the vendor fixture
 * ({@code ../shared/fixtures/stripe/checkout.session.json}, read in place) with the fields a test cares about set.
 */
final class StripeCheckoutStubs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeCheckoutStubs() {
    }

    /** A Checkout Session as Stripe returns it on create and retrieve, with its id, url, expiry and status. */
    static String session(String id, String url, Instant expiresAt, String status) {
        try {
            ObjectNode session = (ObjectNode) JSON.readTree(fixture("checkout.session.json"));
            session.put("id", id).put("url", url).put("expires_at", expiresAt.getEpochSecond()).put("status", status);
            return JSON.writeValueAsString(session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stripe fixture {@code name}, from the {@code shared/fixtures} beside the repository. */
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
            throw new UncheckedIOException(e);
        }
    }
}
