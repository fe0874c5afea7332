package io.recoup.adapters.sap;

import io.recoup.adapters.sap.testserver.SapTestServer;
import io.recoup.core.port.SourceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the settings of a source pointed at a {@link SapTestServer}, with short retry waits, and its parts. */
final class SapSource {
    final Map<String, Object> settings = new HashMap<>();
    final List<Duration> waits = new ArrayList<>();

    SapSource(SapTestServer server) {
        settings.put("url", server.baseUrl().toString());
        settings.put("company-codes", List.of("1010"));
        settings.put("page-size", "3");
        settings.put("auth", Map.of("type", "basic", "user", "RECOUP_COMM", "password", "secret"));
        settings.put("retry", Map.of("max-attempts", "4", "initial-wait", "5ms", "max-wait", "200ms"));
        settings.put("timeout", "5s");
    }

    SapSource with(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    SourceSettings sourceSettings() {
        return new SourceSettings("sap-de", settings);
    }

    SapOpenItemFeed feed() {
        SapSettings sap = SapSettings.of(sourceSettings());
        SapHttp http = new SapHttp(sap);
        http.onRetryWait(waits::add);
        return new SapOpenItemFeed(sap, http, new CubeQuery(sap.cubeService(), sap.companyCodes(), false, sap.mapping()));
    }
}
