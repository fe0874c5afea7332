package io.recoup.sepa.pain008;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The leaf texts of one scope (group header, payment block, transaction) by their path below it. */
final class LeafFields {
    private final Map<String, List<String>> values = new HashMap<>();
    final int line;
    final String path;

    LeafFields(int line, String path) {
        this.line = line;
        this.path = path;
    }

    void add(String relativePath, String text) {
        values.computeIfAbsent(relativePath, key -> new ArrayList<>(1)).add(text);
    }

    /** The first value at {@code path}, or null when absent or empty. */
    String first(String relativePath) {
        List<String> all = values.get(relativePath);
        return all == null || all.isEmpty() || all.get(0).isEmpty() ? null : all.get(0);
    }

    /** The first value found at any of {@code paths}. */
    String firstOf(String... paths) {
        for (String candidate : paths) {
            String value = first(candidate);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    List<String> all(String relativePath) {
        return values.getOrDefault(relativePath, List.of());
    }
}
