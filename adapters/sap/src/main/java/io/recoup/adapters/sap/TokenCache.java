package io.recoup.adapters.sap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An OAuth2 client-credentials token for SAP, fetched when first needed, kept until shortly before it expires and
 * thrown away when SAP refuses it. A token endpoint that refuses us is a permanent fault: wrong credentials do not
 * become right by retrying.
 */
final class TokenCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final SapAuth.OAuth oauth;
    private final SapSettings settings;
    private final Clock clock = Clock.systemUTC();
    private String token;
    private Instant expires = Instant.MIN;

    TokenCache(HttpClient client, SapAuth.OAuth oauth, SapSettings settings) {
        this.client = client;
        this.oauth = oauth;
        this.settings = settings;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    synchronized String token() {
        if (token == null || !clock.instant().isBefore(expires)) {
            fetch();
        }
        return token;
    }

    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials" + oauth.scope()
                .map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(oauth.tokenUrl()).timeout(settings.timeout())
                .header("Authorization", basic(oauth.clientId(), oauth.clientSecret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                boolean transientFault = response.statusCode() == 429 || response.statusCode() >= 500;
                throw new SapHttpException("token endpoint answered " + response.statusCode(), transientFault,
                        response.statusCode(), SapHttp.retryAfter(response), null);
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new SapHttpException("token endpoint gave no access_token", false, 200, Optional.empty(), null);
            }
            // renew a little early so a token does not run out between our check and SAP's
            expires = clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(300) - 30));
        } catch (IOException e) {
            throw new SapHttpException("no answer from the token endpoint: " + e, true, 0, Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SapHttpException("interrupted while fetching a token", false, 0, Optional.empty(), e);
        }
    }
}
