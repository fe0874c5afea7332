package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Streaming API's Bayeux protocol over long-polling, as far as change notifications need it: one message posted
 * to {@code /cometd/<version>} of the instance with the bearer token, the server's messages back. The HTTP client
 * keeps cookies, as Salesforce's streaming servers tie a client to its node by cookie. A call blocks for as long as the
 * server holds a {@code /meta/connect}; interrupting the calling thread cancels it.
 */
final class Bayeux {
    private final SalesforceConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();

    Bayeux(SalesforceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // HTTP/1.1 for the same reason as the REST client: no h2c upgrade over plain http
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .cookieHandler(new CookieManager()).build();
    }

    /** A message of {@code channel} with its id; callers add the rest. */
    ObjectNode message(String channel) {
        return SalesforceClient.JSON.createObjectNode().put("channel", channel).put("id", String.valueOf(ids.incrementAndGet()));
    }

    /**
     * Posts {@code message} and returns the server's messages (an array). {@code wait} is how long the server may hold
     * the request (a connect's long poll) on top of the configured timeout.
     */
    JsonNode send(AccessTokens.Token token, ObjectNode message, Duration wait) {
        ArrayNode body = SalesforceClient.JSON.createArrayNode().add(message);
        String path = "/cometd/" + config.apiVersion().substring(1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(token.instanceUrl() + path))
                .timeout(config.timeout().plus(wait))
                .header("Authorization", "Bearer " + token.value())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = exchange(request, message.path("channel").asText());
        if (response.statusCode() >= 300) {
            throw new SalesforceFault(response.statusCode(), "HTTP_" + response.statusCode(), config.source() + ": "
                    + message.path("channel").asText() + " answered " + response.statusCode(),
                    io.recoup.core.retry.RetryAfter.parse(response.headers().firstValue("Retry-After"), clock), null);
        }
        try {
            JsonNode replies = SalesforceClient.JSON.readTree(response.body());
            if (!replies.isArray()) {
                throw new SalesforceFault(0, "UNEXPECTED_RESPONSE", config.source() + ": " + message.path("channel").asText()
                        + " answered what is not a list of Bayeux messages", Optional.empty(), null);
            }
            return replies;
        } catch (IOException e) {
            throw new SalesforceFault(0, "UNREADABLE", config.source() + ": " + message.path("channel").asText()
                    + " answered what is not JSON", Optional.empty(), e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request, String channel) {
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SalesforceFault(0, "INTERRUPTED", config.source() + ": " + channel + " interrupted", Optional.empty(), e);
        } catch (ExecutionException e) {
            throw new SalesforceFault(0, "NO_RESPONSE", config.source() + ": " + channel + " got no response: "
                    + e.getCause(), Optional.empty(), e.getCause());
        }
    }
}
