package io.recoup.adapters.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.port.ProviderEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** GoCardless payloads for tests, shaped from the vendor fixtures in {@code shared/fixtures/gocardless}. */
final class GoCardlessFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private GoCardlessFixtures() {
    }

    static byte[] fixture(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/fixtures"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no shared/fixtures above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllBytes(dir.resolve("shared/fixtures/gocardless").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of one call in a fixture file ({@code payments}, {@code get}). */
    static ObjectNode body(String resource, String call) {
        try {
            return (ObjectNode) JSON.readTree(fixture("gocardless-pro-python-" + resource + ".json")).path(call).path("body").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's event as {@code id}, {@code resource_type}.{@code action}, its links replaced by {@code links}. */
    static ObjectNode eventJson(String id, String resource, String action, Map<String, String> links) {
        ObjectNode event = (ObjectNode) body("events", "get").get("events");
        event.put("id", id).put("resource_type", resource).put("action", action).put("created_at", "2026-12-01T09:00:00.000Z");
        event.set("links", JSON.valueToTree(links));
        return event;
    }

    static ProviderEvent event(String id, String resource, String action, Map<String, String> links) {
        return new ProviderEvent("gocardless", id, resource + "." + action, Instant.parse("2026-12-01T09:00:00Z"),
                eventJson(id, resource, action, links).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /payments/:id}'s fixture as payment {@code id}, with {@code changes} set. */
    static String payment(String id, Map<String, Object> changes) {
        return resource("payments", id, changes);
    }

    /** {@code GET /mandates/:id}'s fixture as mandate {@code id}, with {@code changes} set. */
    static String mandate(String id, Map<String, Object> changes) {
        return resource("mandates", id, changes);
    }

    private static String resource(String name, String id, Map<String, Object> changes) {
        ObjectNode envelope = body(name, "get");
        ObjectNode object = (ObjectNode) envelope.get(name);
        object.put("id", id);
        changes.forEach((k, v) -> object.set(k, JSON.valueToTree(v)));
        return envelope.toString();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
