package io.recoup.adapters.gocardless;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GoCardless's webhook signature ({@code Webhook-Signature: <hex>}): HMAC-SHA256 with the endpoint's secret over the
 * raw body, lower-case hex, no timestamp. Valid when it matches any configured secret (several during a rotation);
 * compared in constant time against every secret, with no early exit.
 */
final class GoCardlessSignature {
    private final List<byte[]> secrets;

    GoCardlessSignature(List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("webhook-secrets: at least one endpoint secret is needed, none blank");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Why a delivery is not taken. */
    enum Problem {
        /** No header, or not 64 hex digits: a malformed request. */
        UNSIGNED,
        /** Signed, but by no secret we know, or over another body. */
        FORGED
    }

    /** Empty when {@code header} signs {@code body} with one of our secrets. */
    Optional<Problem> check(Optional<String> header, byte[] body) {
        String given = header.map(h -> h.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (given.length() != 64 || !given.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.of(Problem.UNSIGNED);
        }
        byte[] signature = given.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (byte[] secret : secrets) {
            match |= MessageDigest.isEqual(hex(secret, body).getBytes(StandardCharsets.US_ASCII), signature);
        }
        return match ? Optional.empty() : Optional.of(Problem.FORGED);
    }

    /** The header GoCardless would send for {@code body} signed with {@code secret} (for tests and the bench). */
    static String sign(String secret, byte[] body) {
        return hex(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    private static String hex(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
