package io.recoup.app.security;

import io.recoup.store.access.Accounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API tokens for machines: {@code rcp_} and 43 characters of 256 random bits, sent as {@code Authorization: Bearer
 * rcp_...}. Only the SHA-256 of a token is stored; the token itself is shown once, when it is made.
 */
public final class ApiTokens {
    /** What starts every token, so it is told apart from an OIDC JWT and found by secret scanners. */
    public static final String PREFIX = "rcp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;

    public ApiTokens(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A token just made: its id and the token, which is not kept anywhere. */
    public record Issued(long id, String token) {}

    public Issued issue(String name, Set<Role> roles, String by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = accounts.addToken(name, hash(token), roles.stream().map(Role::name).collect(Collectors.toSet()), by);
        return new Issued(id, token);
    }

    /** The live token's metadata, if the token is one. */
    public Optional<Accounts.StoredToken> use(String token) {
        return token.startsWith(PREFIX) ? accounts.useToken(hash(token)) : Optional.empty();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
