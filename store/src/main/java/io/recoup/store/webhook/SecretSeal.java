package io.recoup.store.webhook;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a webhook secret for the database and opens it again to sign: AES-256-GCM under a key kept outside the
 * database, a fresh 12-byte nonce per seal stored in front of the cipher text. GCM authenticates, so a secret sealed
 * under another key (an instance configured with a different {@code recoup.outbound-webhooks.key}) is refused, never
 * opened into a wrong secret.
 */
public final class SecretSeal {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<byte[]> source;
    private volatile SecretKeySpec key;

    public SecretSeal(byte[] key) {
        this(key::clone);
    }

    /** With the key read from {@code source} when first needed (an installation without subscriptions never reads it). */
    public SecretSeal(Supplier<byte[]> source) {
        this.source = source;
    }

    private SecretKeySpec key() {
        if (key == null) {
            byte[] bytes = source.get();
            if (bytes.length != 32) {
                throw new IllegalArgumentException("the webhook secret key has " + bytes.length + " bytes; AES-256 needs 32");
            }
            key = new SecretKeySpec(bytes, "AES");
        }
        return key;
    }

    /** A new random key for {@link #SecretSeal(byte[])}. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public byte[] seal(byte[] secret) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** The secret {@code sealed} holds; a {@link ErrorCode#WEBHOOK_SECRET_UNREADABLE} when this key did not seal it. */
    public byte[] open(byte[] sealed) {
        if (sealed.length <= NONCE) {
            throw unreadable();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE)));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (javax.crypto.AEADBadTagException e) {
            throw unreadable();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static RecoupException unreadable() {
        return new RecoupException(ErrorCode.WEBHOOK_SECRET_UNREADABLE, "the subscription's secret was sealed with another key "
                + "than this instance's recoup.outbound-webhooks.key: give every instance the same key");
    }
}
