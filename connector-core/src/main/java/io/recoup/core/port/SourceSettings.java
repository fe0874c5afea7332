package io.recoup.core.port;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured source as its adapter reads it: the name its items are keyed by, and its settings as written in the
 * configuration (strings, numbers, lists and nested maps such as the field mapping). Missing or malformed settings
 * fail with the source and the setting named.
 */
public record SourceSettings(String name, Map<String, Object> settings) {
    public SourceSettings {
        Objects.requireNonNull(name, "name");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public Optional<String> optional(String key) {
        Object value = lookup(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public int integer(String key, int otherwise) {
        Optional<String> value = optional(key);
        try {
            return value.map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw invalid(key, "is not a whole number: " + value.get());
        }
    }

    /** A duration as ISO-8601 ({@code PT15M}) or as a number with a unit: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}. */
    public Duration duration(String key, Duration otherwise) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        String text = value.get().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw invalid(key, "has no unit (ms, s, m, h, d): " + value.get());
            };
        } catch (RuntimeException e) {
            if (e instanceof RecoupException r) {
                throw r;
            }
            throw invalid(key, "is not a duration: " + value.get());
        }
    }

    /**
     * A list of texts: written as a list, or as one text with the values comma-separated (as an environment variable
     * gives them); empty when absent.
     */
    public java.util.List<String> texts(String key) {
        Object value = lookup(key);
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null || value.toString().isBlank() ? java.util.List.of() : java.util.List.of(value.toString().split("\\s*,\\s*"));
    }

    /** A nested block (e.g. {@code mapping}); empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> block(String key) {
        Object value = lookup(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(key, "is not a block of settings");
        }
        return (Map<String, Object>) map;
    }

    /** The value at a dotted path ({@code oauth.client-id}) through nested blocks. */
    private Object lookup(String key) {
        Object current = settings;
        for (String part : key.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private RecoupException invalid(String key, String problem) {
        return new RecoupException(ErrorCode.INVALID_SOURCE, "source " + name + ": setting " + key + " " + problem);
    }
}
