package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.retry.RetryAfter;
import io.recoup.core.retry.RetryBudget;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stripe's REST API as the adapter uses it: a GET or a form-encoded POST with the secret key as bearer token and, on
 * POST, an {@code Idempotency-Key}. Anything but 200 is a {@link Failure} naming the status, Stripe's error code and
 * its Retry-After; the callers map it to their port's error. A 429 or 5xx with a {@code Retry-After} within the
 * {@link RetryBudget} is asked again after that wait (a POST with the same idempotency key, so Stripe makes nothing
 * twice); beyond it the failure goes to the caller, whose queued work is tried on its next run. The key never appears
 * in a message.
 */
final class StripeApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final RetryBudget retries;
    private final Clock clock;

    StripeApi(URI base, String apiKey, Duration timeout, RetryBudget retries, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.retries = retries;
        this.clock = clock;
    }

    /** Without waiting on a Retry-After: every failure is the caller's at once. */
    StripeApi(URI base, String apiKey, Duration timeout) {
        this(base, apiKey, timeout, RetryBudget.NONE, Clock.systemUTC());
    }

    /** A call that did not answer 200 ({@code status}), or did not answer at all (status 0). */
    static final class Failure extends Exception {
        private final int status;
        private final transient Optional<Duration> retryAfter;

        Failure(String message, int status, Throwable cause) {
            this(message, status, Optional.empty(), cause);
        }

        Failure(String message, int status, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** The wait Stripe asked for ({@code Retry-After}), when it said. */
        Optional<Duration> retryAfter() {
            return retryAfter;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return once(what, request);
            } catch (Failure f) {
                if (!f.passing() || !waited(attempt + 1, f)) {
                    throw f;
                }
            }
        }
    }

    private boolean waited(int nextAttempt, Failure failure) throws Failure {
        try {
            return retries.waitBefore(nextAttempt, failure.retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private JsonNode once(String what, HttpRequest request) throws Failure {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                Optional<String> header = response.headers().firstValue("Retry-After");
                String retry = header.map(s -> ", retry after " + s + (s.strip().matches("[0-9]+") ? "s" : "")).orElse("");
                throw new Failure(what + " answered " + response.statusCode() + errorCode(response.body()).map(c -> " " + c).orElse("")
                        + retry, response.statusCode(), RetryAfter.parse(header, clock), null);
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
