package io.recoup.adapters.gocardless;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.gocardless.http.ListResponse;
import com.gocardless.resources.Event;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventFeed;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GoCardless's {@code GET /events?created_at[gte]=...} in pages of 500, followed with the {@code after} cursor until
 * there is none, returned oldest first. The SDK reads each event into its own type; it is written back as GoCardless's
 * JSON (snake_case names, lower-case enum values, no empty fields), which the reader reads like a webhook's event. A
 * timeout, 429 or 5xx makes the feed unavailable for this run (the next run asks again); no retry loop here.
 */
final class GoCardlessEventFeed implements ProviderEventFeed {
    /** Never follow more pages than this in one run: 100,000 events; a larger gap is read on the next runs. */
    private static final int MAX_PAGES = 200;
    static final int PAGE = 500;
    private static final ObjectMapper AS_GOCARDLESS = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new SimpleModule().addSerializer(Enum.class, new LowerCaseEnums()));

    private final GoCardlessApi api;

    GoCardlessEventFeed(GoCardlessApi api) {
        this.api = api;
    }

    @Override
    public List<ProviderEvent> createdSince(Instant from) {
        List<ProviderEvent> found = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            ListResponse<Event> listed = list(from, after);
            for (Event event : listed.getItems()) {
                GoCardlessWebhookVerifier.event(json(event)).ifPresent(found::add);
            }
            if (listed.getAfter() == null || listed.getItems().isEmpty()) {
                break;
            }
            after = Optional.of(listed.getAfter());
        }
        found.sort(Comparator.comparing(ProviderEvent::created).thenComparing(ProviderEvent::eventId));
        return found;
    }

    private ListResponse<Event> list(Instant from, Optional<String> after) {
        try {
            return api.call("GET /events", c -> {
                var request = c.events().list().withCreatedAtGte(from.toString()).withLimit(PAGE);
                return after.map(request::withAfter).orElse(request).execute();
            });
        } catch (GoCardlessApi.Failure e) {
            throw new FeedUnavailable(GoCardlessApi.PROVIDER, e.getMessage(), e.getCause());
        }
    }

    static JsonNode json(Event event) {
        return AS_GOCARDLESS.valueToTree(event);
    }

    /** GoCardless spells its enum values in lower case ({@code payments}, {@code bank}), as the SDK reads them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class LowerCaseEnums extends StdSerializer<Enum> {
        LowerCaseEnums() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
