package io.recoup.app;

import java.util.List;

/** Settings Recoup will not start with; the message says why and {@link #keys()} which settings to change. */
public final class ConfigurationRefused extends RuntimeException {
    private final List<String> keys;

    public ConfigurationRefused(String message, List<String> keys) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
