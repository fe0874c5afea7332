package io.recoup.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.recoup.store.TemporaryFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as the API tests sign in to it: one configured user per role ({@code viewer}, {@code finance},
 * {@code admin}, bcrypt hashes in {@code recoup.security.users}) and an OIDC provider whose public key it trusts. The
 * tests that extend it share one application (and one database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false"})
abstract class SignedInApi {
    private static final Path HOME = TemporaryFolders.create("recoup-signed-in-api");
    private static final KeyPair OIDC = rsaKeys();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        registry.add("recoup.home", HOME::toString);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        String[] roles = {"viewer", "finance", "admin"};
        for (int i = 0; i < roles.length; i++) {
            String role = roles[i];
            registry.add("recoup.security.users[" + i + "].name", () -> role);
            registry.add("recoup.security.users[" + i + "].password", () -> "{bcrypt}" + bcrypt.encode(password(role)));
            registry.add("recoup.security.users[" + i + "].roles", () -> role);
        }
        Path pem = Files.createDirectories(HOME).resolve("oidc-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(OIDC.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoJob demo;
    @Autowired
    JdbcTemplate jdbc;

    static String password(String user) {
        return "pw-of-" + user + "-for-tests";
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, password(user));
    }

    void threeSampleDays() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 3, true), null);
    }

    ResponseEntity<Map> withBearer(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    /** A JWT of the trusted OIDC provider for {@code user} with these roles in its {@code roles} claim. */
    static String jwt(String user, List<String> roles) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("sub-" + user)
                .claim("preferred_username", user).claim("roles", roles).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) OIDC.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
