package io.recoup.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Recoup-Signature} header of an outbound webhook, made as Stripe makes its own: {@code t=<unix seconds>},
 * then one {@code v1=<hex HMAC-SHA256 of "t.body">} per secret in force (two while a rotated secret's old one is still
 * honoured), so a receiver checks the bytes it got and refuses a replay by the age of {@code t}.
 */
public final class WebhookSignature {
    public static final String HEADER = "Recoup-Signature";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code unixSeconds}, signed with each of {@code secrets}. */
    public static String header(long unixSeconds, byte[] body, List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is signed with at least one secret");
        }
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (byte[] secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(mac(secret, unixSeconds, body)));
        }
        return header.toString();
    }

    /** Whether {@code header} carries a {@code v1} that {@code secret} made over {@code body} (the receiver's check). */
    public static boolean verifies(String header, byte[] body, byte[] secret) {
        long t = -1;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = Long.parseLong(part.substring(2));
            }
        }
        if (t < 0) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(mac(secret, t, body)).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            if (part.startsWith("v1=") && MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(byte[] secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java platform has HmacSHA256 and takes any non-empty key for it
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }
}
