package io.recoup.core.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens in the links of a message: what the link does (open a payment link, unsubscribe), the
 * notice it belongs to and, for a payment, the provider, followed by an HMAC-SHA256 of that with the installation's
 * key, cut to 128 bits (RFC 2104 section 5 allows it). The token carries no personal data, only a notice number;
 * without the key nobody can make one for another notice, so links can neither be forged nor enumerated. A token that
 * is malformed, too long or wrongly signed is simply not valid: the caller answers "not found", with no detail.
 */
public final class LinkTokens {
    /** A token longer than this is refused before any work is done on it. */
    static final int MAX_LENGTH = 120;
    private static final int MAC_BYTES = 16;
    private static final Pattern PAYLOAD = Pattern.compile("([pu])([1-9][0-9]{0,17})(?:\\.([a-z][a-z0-9-]{0,30}))?");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param key at least 16 bytes of secret, kept by the installation */
    public LinkTokens(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a link key has at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** What a link does. */
    public enum Purpose {
        /** Opens the notice's payment link of a provider (recorded as a click first). */
        PAY('p'),
        /** Opts the notice's customer out of e-mail. */
        UNSUBSCRIBE('u');

        private final char letter;

        Purpose(char letter) {
            this.letter = letter;
        }
    }

    /** What a token names: its purpose, the notice, and the provider of a payment link ("" otherwise). */
    public record Target(Purpose purpose, long notice, String provider) {
        public Target {
            Objects.requireNonNull(purpose, "purpose");
            if (notice <= 0) {
                throw new IllegalArgumentException("a link names a notice by its id");
            }
            provider = provider == null ? "" : provider;
            if ((purpose == Purpose.PAY) == provider.isEmpty() || !provider.isEmpty() && !provider.matches("[a-z][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("a payment link names its provider in lower case; an unsubscribe link none");
            }
        }

        public static Target pay(long notice, String provider) {
            return new Target(Purpose.PAY, notice, provider);
        }

        public static Target unsubscribe(long notice) {
            return new Target(Purpose.UNSUBSCRIBE, notice, "");
        }
    }

    public String sign(Target target) {
        String payload = target.purpose().letter + Long.toString(target.notice()) + (target.provider().isEmpty() ? "" : "." + target.provider());
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** What a genuine token names; empty for anything else. */
    public Optional<Target> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        Matcher m = PAYLOAD.matcher(new String(payload, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            return Optional.empty();
        }
        Purpose purpose = m.group(1).equals("p") ? Purpose.PAY : Purpose.UNSUBSCRIBE;
        if ((purpose == Purpose.PAY) == (m.group(3) == null)) {
            return Optional.empty();
        }
        return Optional.of(new Target(purpose, Long.parseLong(m.group(2)), m.group(3)));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every JDK: this is a broken runtime, not a bad link
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
