package io.recoup.adapters.sap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the cube as SAP's OData v2 JSON writes it: strings for text and decimals, booleans, and dates as
 * {@code "/Date(1719360000000)/"} (milliseconds since 1970 at midnight UTC, optionally with an offset such as
 * {@code +0000}). Reading a field never guesses: a value that is not what the field's type says is an error naming
 * the field.
 */
record CubeRecord(JsonNode json) {
    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    /** A field's text, stripped; empty when absent, null or blank. */
    Optional<String> text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The first of {@code fields} with a value. */
    Optional<String> firstText(List<String> fields) {
        for (String field : fields) {
            Optional<String> value = text(field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    boolean flag(String field) {
        JsonNode value = json.get(field);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText()));
    }

    /** A date field; empty when absent; {@link IllegalArgumentException} naming the value when it is no OData date. */
    Optional<LocalDate> date(String field) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(text.get());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.get() + "' is not an OData v2 date (/Date(ms)/)");
        }
        return Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(m.group(1))), ZoneOffset.UTC));
    }

    /** The entity key (company code, fiscal year, document, item), or empty when a part of it is missing. */
    Optional<List<String>> key() {
        List<String> parts = new ArrayList<>();
        for (String field : CubeQuery.KEY) {
            Optional<String> value = text(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            parts.add(value.get());
        }
        return Optional.of(List.copyOf(parts));
    }

    /** The key as Recoup's external id: {@code 1010/2026/1800000001/001}. */
    static String externalId(List<String> key) {
        return String.join("/", key);
    }

    /** The key parts back from an external id; empty when it is not one of ours. */
    static Optional<List<String>> parseExternalId(String externalId) {
        String[] parts = externalId.split("/", -1);
        if (parts.length != CubeQuery.KEY.size()) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(List.of(parts));
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
