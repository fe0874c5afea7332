package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stripe's REST API as the adapter uses it: a GET or a form-encoded POST with the secret key as bearer token and, on
 * POST, an {@code Idempotency-Key}. Anything but 200 is a {@link Failure} naming the status, Stripe's error code and
 * its Retry-After; the callers map it to their port's error. The key never appears in a message.
 */
final class StripeApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;

    StripeApi(URI base, String apiKey, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** A call that did not answer 200 ({@code status}), or did not answer at all (status 0). */
    static final class Failure extends Exception {
        private final int status;

        Failure(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** Whether asking again later may help: no answer, 429 or 5xx. */
        boolean passing() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    JsonNode get(String pathAndQuery) throws Failure {
        return send("GET " + pathAndQuery.replaceAll("\\?.*", ""), request(pathAndQuery).GET().build());
    }

    JsonNode post(String path, Map<String, String> form, String idempotencyKey) throws Failure {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST " + path, request(path).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private JsonNode send(String what, HttpRequest request) throws Failure {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String retry = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + "s").orElse("");
                throw new Failure(what + " answered " + response.statusCode() + errorCode(response.body()).map(c -> " " + c).orElse("")
                        + retry, response.statusCode(), null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Failure(what + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(what + " interrupted", 0, e);
        }
    }

    private static Optional<String> errorCode(byte[] body) {
        try {
            String code = JSON.readTree(body).path("error").path("code").asText("");
            return code.isBlank() ? Optional.empty() : Optional.of(code);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
