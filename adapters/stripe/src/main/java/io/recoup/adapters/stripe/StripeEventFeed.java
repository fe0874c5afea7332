package io.recoup.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventFeed;
import java.nio.charset.StandardCharsets;
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
    /** Never follow more pages than this in one run: 100,000 events; a larger gap is read on the next runs. */
    private static final int MAX_PAGES = 1000;

    private final StripeApi api;

    StripeEventFeed(StripeApi api) {
        this.api = api;
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
        String query = "limit=100&" + StripeApi.encode("created[gte]") + "=" + from.getEpochSecond()
                + after.map(id -> "&starting_after=" + StripeApi.encode(id)).orElse("");
        try {
            return api.get("/v1/events?" + query);
        } catch (StripeApi.Failure e) {
            throw new FeedUnavailable(StripeWebhookVerifier.PROVIDER, e.getMessage(), e.getCause());
        }
    }
}
