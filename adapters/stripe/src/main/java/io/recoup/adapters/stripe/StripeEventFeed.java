package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventFeed;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stripe's {@code GET /v1/events} (events are kept 30 days), newest first in pages of 100, paged back with
 * {@code starting_after} until {@code has_more} is false, filtered by {@code created[gte]}. Each event is kept as the
 * JSON Stripe listed it. A timeout, 429 or 5xx makes the feed unavailable for this run (the next run asks again); no
 * retry loop here.
 */
final class StripeEventFeed implements ProviderEventFeed {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Never follow more pages than this in one run: 100,000 events; a larger gap is read on the next runs. */
    private static final int MAX_PAGES = 1000;

    private final HttpClient http;
    private final URI apiBase;
    private final String apiKey;
    private final Duration timeout;

    StripeEventFeed(URI apiBase, String apiKey, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.apiBase = apiBase;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public List<ProviderEvent> createdSince(Instant from) {
        List<ProviderEvent> found = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = get(from, after);
            JsonNode data = list.path("data");
            for (JsonNode event : data) {
                byte[] raw = event.toString().getBytes(StandardCharsets.UTF_8);
                StripeWebhookVerifier.event(raw).ifPresent(found::add);
            }
            if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                break;
            }
            after = Optional.of(data.get(data.size() - 1).path("id").asText());
        }
        Collections.reverse(found);
        return found;
    }

    private JsonNode get(Instant from, Optional<String> after) {
        String query = "limit=100&" + URLEncoder.encode("created[gte]", StandardCharsets.UTF_8) + "=" + from.getEpochSecond()
                + after.map(id -> "&starting_after=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(apiBase.resolve("/v1/events?" + query)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String retry = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + "s").orElse("");
                throw new FeedUnavailable(StripeWebhookVerifier.PROVIDER, "GET /v1/events answered " + response.statusCode() + retry, null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new FeedUnavailable(StripeWebhookVerifier.PROVIDER, "GET /v1/events failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailable(StripeWebhookVerifier.PROVIDER, "GET /v1/events interrupted", e);
        }
    }
}
