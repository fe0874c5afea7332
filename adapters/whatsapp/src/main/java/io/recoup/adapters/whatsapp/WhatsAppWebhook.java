package io.recoup.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WhatsApp webhook: the subscription handshake ({@code hub.mode=subscribe}, {@code hub.verify_token}, answered
 * with {@code hub.challenge}), the signature of each delivery ({@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256
 * of the raw body with the app secret, compared in constant time), and what a verified delivery says: the status of
 * each message (sent, delivered, read, failed with Meta's error) and the senders who replied "STOP" (or a word of the
 * same meaning in our languages), which is a channel opt-out.
 */
public final class WhatsAppWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A reply that asks for no more messages, in the five languages we write in. */
    private static final Set<String> STOP = Set.of("stop", "stopp", "arrêt", "arret", "parar", "baja", "cancelar", "unsubscribe");

    private final WhatsAppSettings settings;

    public WhatsAppWebhook(WhatsAppSettings settings) {
        this.settings = settings;
    }

    /** The challenge to echo when Meta subscribes with our verify token, else empty (refused). */
    public Optional<String> handshake(String mode, String verifyToken, String challenge) {
        boolean ours = verifyToken != null && MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
                settings.verifyToken().getBytes(StandardCharsets.UTF_8));
        return "subscribe".equals(mode) && ours && challenge != null ? Optional.of(challenge) : Optional.empty();
    }

    /** True when {@code header} is the signature Meta makes of {@code body} with our app secret. */
    public boolean verifies(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8),
                header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256=<hex>}: what Meta sends, and what tests sign their deliveries with. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What one verified delivery reports: message statuses, and the numbers that asked to stop. */
    public record Delivery(List<DeliveryStatus> statuses, List<String> stopRequestsFrom) {
        public Delivery {
            statuses = List.copyOf(statuses);
            stopRequestsFrom = List.copyOf(stopRequestsFrom);
        }
    }

    /**
     * Reads a verified delivery's body.
     *
     * @throws IllegalArgumentException when it is not the JSON of a WhatsApp webhook
     */
    public Delivery read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new IllegalArgumentException("not a whatsapp_business_account webhook");
        }
        List<DeliveryStatus> statuses = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                value.path("statuses").forEach(s -> status(s).ifPresent(statuses::add));
                value.path("messages").forEach(m -> stopRequest(m).ifPresent(stops::add));
            }
        }
        return new Delivery(statuses, stops);
    }

    private static Optional<DeliveryStatus> status(JsonNode s) {
        DeliveryStatus.Kind kind = switch (s.path("status").asText()) {
            case "sent" -> DeliveryStatus.Kind.SENT;
            case "delivered" -> DeliveryStatus.Kind.DELIVERED;
            case "read" -> DeliveryStatus.Kind.READ;
            case "failed" -> DeliveryStatus.Kind.FAILED;
            default -> null;
        };
        if (kind == null || s.path("id").asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode error = s.path("errors").path(0);
        String reason = error.isMissingNode() ? s.path("status").asText()
                : s.path("status").asText() + " (whatsapp error " + error.path("code").asText() + " " + error.path("title").asText() + ")";
        long at = s.path("timestamp").asLong(0);
        return Optional.of(new DeliveryStatus(Channel.WHATSAPP, s.path("id").asText(), kind, reason.strip(), Instant.ofEpochSecond(at)));
    }

    private static Optional<String> stopRequest(JsonNode m) {
        String text = switch (m.path("type").asText()) {
            case "text" -> m.path("text").path("body").asText();
            case "button" -> m.path("button").path("text").asText();
            default -> "";
        };
        String word = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return STOP.contains(word) && !m.path("from").asText().isBlank() ? Optional.of(m.path("from").asText()) : Optional.empty();
    }
}
