package io.recoup.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the application's Stripe tests share: Stripe's answers for WireMock shaped from the vendor fixtures (read in
 * place from {@code recoup.fixtures}), a webhook delivery's {@code Stripe-Signature} as Stripe computes it, and the
 * bundled policy with Stripe offered on every step.
 */
final class StripeTestKit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeTestKit() {
    }

    /** A Checkout Session as Stripe returns it on create and retrieve, with its id, url, expiry and status. */
    static String session(String id, String url, Instant expiresAt, String status) {
        ObjectNode session = fixture("checkout.session.json");
        session.put("id", id).put("url", url).put("expires_at", expiresAt.getEpochSecond()).put("status", status);
        return write(session);
    }

    /**
     * A {@code checkout.session.completed} event of a paid session carrying {@code metadata} (what we gave Stripe when
     * the session was made, which Stripe hands back), for {@code amountTotal} minor units of {@code currency}.
     */
    static String checkoutCompleted(String eventId, String sessionId, Map<String, String> metadata, String currency, long amountTotal) {
        ObjectNode session = fixture("checkout.session.json");
        session.put("id", sessionId).put("payment_status", "paid").put("status", "complete").put("currency", currency)
                .put("amount_total", amountTotal).put("payment_intent", "pi_" + sessionId);
        ObjectNode data = session.putObject("metadata");
        metadata.forEach(data::put);
        ObjectNode event = JSON.createObjectNode().put("id", eventId).put("object", "event").put("type", "checkout.session.completed")
                .put("created", 1_780_000_000L);
        event.putObject("data").set("object", session);
        return write(event);
    }

    /** {@code Stripe-Signature} for {@code body} sent at {@code timestamp}: HMAC-SHA256 over {@code t.body}. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled default policy with {@code stripe} offered beside bank transfer on every step, written to {@code home}. */
    static Path policyOfferingStripe(Path home) {
        try (InputStream in = StripeTestKit.class.getResourceAsStream("/recoup/policies/default.yaml")) {
            Path policy = home.resolve("policy.yaml");
            Files.writeString(policy, new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(channels: \\[[a-z, ]+]\n)",
                    "$1        payment-options: [bank-transfer, stripe]\n"));
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode fixture(String name) {
        try {
            return (ObjectNode) JSON.readTree(Path.of(System.getProperty("recoup.fixtures"), "stripe", name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
