package io.recoup.app;

import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import io.recoup.routes.ingest.ApiSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The source ledgers read over an API, from {@code recoup.sources}: each entry names the source ({@code name}, what its
 * items are keyed by), its {@code type} (an adapter on the class path: {@code businesscentral}, ...), how often it is
 * synced ({@code every}, default 15m), how far an incremental sync reaches back ({@code overlap}, default 10m) and how
 * often a full sync runs ({@code full-sync-every}, default 1d), and whether the source's change notifications trigger
 * syncs in between ({@code cdc.enabled}, default false; {@code cdc.debounce}, default 2s, how long a change waits for
 * others); the rest of the entry is the adapter's own settings (templates in config-templates
 * {@code recoup/sources/}). A source that cannot be built stops the start with its name and the setting at fault.
 */
final class ApiSources {
    private static final Set<String> SCHEDULE_KEYS = Set.of("name", "type", "every", "overlap", "full-sync-every");

    private ApiSources() {
    }

    /** The configured sources, as one bean. */
    record Configured(List<ApiSource> all) {
        Configured {
            all = List.copyOf(all);
        }
    }

    static List<ApiSource> from(List<Map<String, Object>> configured, String csvSource) {
        Map<String, SourceConnector> connectors = new HashMap<>();
        ServiceLoader.load(SourceConnector.class).forEach(c -> connectors.put(c.type(), c));
        List<ApiSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(csvSource));
        for (int i = 0; i < configured.size(); i++) {
            String key = "recoup.sources[" + i + "]";
            Map<String, Object> entry = plain(configured.get(i));
            SourceSettings all = new SourceSettings(String.valueOf(entry.getOrDefault("name", key)), entry);
            try {
                String name = all.required("name");
                if (!names.add(name)) {
                    throw new ConfigurationRefused(key + ".name: " + name + " is taken by another source (items are keyed by the"
                            + " name, so each source needs its own)", List.of(key + ".name"));
                }
                String type = all.required("type");
                SourceConnector connector = connectors.get(type);
                if (connector == null) {
                    throw new ConfigurationRefused(key + ".type: no adapter for " + type + " (known: "
                            + new TreeMap<>(connectors).keySet() + ")", List.of(key + ".type"));
                }
                Map<String, Object> own = new LinkedHashMap<>(entry);
                own.keySet().removeAll(SCHEDULE_KEYS);
                SourceSettings settings = new SourceSettings(name, own);
                sources.add(new ApiSource(connector.feed(settings), connector.poster(settings),
                        all.duration("every", Duration.ofMinutes(15)), all.duration("overlap", Duration.ofMinutes(10)),
                        all.duration("full-sync-every", Duration.ofDays(1)), changeDebounce(all)));
            } catch (RecoupException | IllegalArgumentException e) {
                throw new ConfigurationRefused(key + ": " + e.getMessage(), List.of(key));
            }
        }
        return sources;
    }

    /** The debounce of change-triggered syncs when {@code cdc.enabled} is true, else empty. */
    private static Optional<Duration> changeDebounce(SourceSettings entry) {
        String enabled = entry.optional("cdc.enabled").orElse("false");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("cdc.enabled is not true or false: " + enabled);
        }
        return enabled.equals("true") ? Optional.of(entry.duration("cdc.debounce", Duration.ofSeconds(2))) : Optional.empty();
    }

    /**
     * The entry as plain maps and lists: Spring binds a list inside a free-form map as a map keyed "0", "1", ...; the
     * adapters read lists.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(Map<String, Object> entry) {
        Map<String, Object> plain = new LinkedHashMap<>();
        entry.forEach((k, v) -> plain.put(k, plainValue(v)));
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        boolean indexed = !map.isEmpty() && map.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"));
        if (indexed) {
            return new TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> Integer.parseInt(String.valueOf(e.getKey())), e -> plainValue(e.getValue())))).values().stream().toList();
        }
        return plain((Map<String, Object>) map);
    }
}
