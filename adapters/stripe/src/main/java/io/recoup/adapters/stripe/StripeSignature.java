package io.recoup.adapters.stripe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature ({@code Stripe-Signature: t=<unix seconds>,v1=<hex>,v1=<hex>,...}): HMAC-SHA256 with the
 * endpoint's signing secret over {@code t + "." + body}, the raw bytes as received. Valid when any {@code v1} matches
 * any configured secret (during a rotation Stripe signs with each active secret) and {@code t} lies within the
 * tolerance of now, both ways; other schemes ({@code v0}) are ignored. Compared in constant time.
 */
final class StripeSignature {
    private final List<byte[]> secrets;
    private final Duration tolerance;
    /** A keyed HMAC per secret and request thread: looking the algorithm up and keying it on every delivery costs more than the hash. */
    private final ThreadLocal<List<Mac>> macs;

    StripeSignature(List<String> secrets, Duration tolerance) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("webhook-secrets: at least one signing secret (whsec_...) is needed, none blank");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance: must be positive, is " + tolerance);
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.macs = ThreadLocal.withInitial(() -> this.secrets.stream().map(StripeSignature::mac).toList());
    }

    /** Why a delivery is not taken. */
    enum Problem {
        /** No header, no timestamp or no v1 signature: a malformed request. */
        UNSIGNED,
        /** Signed, but by no secret we know. */
        FORGED,
        /** Signed outside the tolerance. */
        STALE
    }

    /** Empty when the header signs {@code body} with one of our secrets within the tolerance of {@code now}. */
    Optional<Problem> check(Optional<String> header, byte[] body, Instant now) {
        if (header.isEmpty()) {
            return Optional.of(Problem.UNSIGNED);
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.get().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = parseSeconds(value);
            } else if (key.equals("v1") && value.length() == 64) {
                signatures.add(value.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.of(Problem.UNSIGNED);
        }
        if (!matchesAny(timestamp, body, signatures)) {
            return Optional.of(Problem.FORGED);
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        return age.compareTo(tolerance) > 0 ? Optional.of(Problem.STALE) : Optional.empty();
    }

    /** The header Stripe would send for {@code body} at {@code timestamp}, signed with {@code secret} (for tests and the bench). */
    static String sign(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hex(mac(secret.getBytes(StandardCharsets.UTF_8)), timestamp, body);
    }

    private boolean matchesAny(long timestamp, byte[] body, List<byte[]> signatures) {
        boolean match = false;
        for (Mac mac : macs.get()) {
            byte[] expected = hex(mac, timestamp, body).getBytes(StandardCharsets.US_ASCII);
            for (byte[] given : signatures) {
                // no early exit: every comparison is made, each in constant time
                match |= MessageDigest.isEqual(expected, given);
            }
        }
        return match;
    }

    private static String hex(Mac mac, long timestamp, byte[] body) {
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Long parseSeconds(String value) {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }
}
