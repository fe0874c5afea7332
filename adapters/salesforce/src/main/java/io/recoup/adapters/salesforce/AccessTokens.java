package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * OAuth2 client credentials against the org's {@code /services/oauth2/token}: one token, kept until Salesforce refuses
 * it, then replaced once by whichever caller notices first. The response's {@code instance_url} is where the data API
 * is called. The token and the client secret are never logged nor printed.
 */
final class AccessTokens {
    /** A bearer token and the instance it is good for; {@code toString} hides the token. */
    record Token(String value, String instanceUrl) {
        @Override
        public String toString() {
            return "Token[" + instanceUrl + "]";
        }
    }

    private final SalesforceConfig config;
    private final HttpClient http;
    private final BiFunction<HttpResponse<String>, String, SalesforceFault> faults;
    private Token current;

    AccessTokens(SalesforceConfig config, HttpClient http, BiFunction<HttpResponse<String>, String, SalesforceFault> faults) {
        this.config = config;
        this.http = http;
        this.faults = faults;
    }

    synchronized Token current() {
        if (current == null) {
            current = fetch();
        }
        return current;
    }

    /** A new token unless another caller already replaced the refused one. */
    synchronized Token renew(Token refused) {
        if (current == null || current.equals(refused)) {
            current = fetch();
        }
        return current;
    }

    private Token fetch() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.loginUrl() + "/services/oauth2/token"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SalesforceFault(0, "NO_RESPONSE", config.source() + ": token request got no response: " + e,
                    Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceFault(0, "INTERRUPTED", config.source() + ": interrupted", Optional.empty(), e);
        }
        if (response.statusCode() != 200) {
            throw faults.apply(response, "token request");
        }
        try {
            JsonNode body = SalesforceClient.JSON.readTree(response.body());
            String token = body.path("access_token").asText("");
            String instance = body.path("instance_url").asText("");
            if (token.isEmpty() || instance.isEmpty()) {
                throw new SalesforceFault(200, "NO_TOKEN", config.source()
                        + ": token response has no access_token or instance_url", Optional.empty(), null);
            }
            return new Token(token, instance.endsWith("/") ? instance.substring(0, instance.length() - 1) : instance);
        } catch (IOException e) {
            throw new SalesforceFault(200, "UNREADABLE", config.source() + ": token response is not JSON",
                    Optional.empty(), e);
        }
    }
}
