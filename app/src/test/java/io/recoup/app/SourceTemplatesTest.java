package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.routes.ingest.ApiSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ready source templates in config-templates build working sources through the application's own path (the
 * adapters found by ServiceLoader), once their placeholders are filled; and a source that cannot be built stops the
 * start with its entry and setting named.
 */
class SourceTemplatesTest {
    private static final List<String> TEMPLATES = List.of("businesscentral", "sap", "salesforce");

    @Test
    void everyBundledSourceTemplateBuildsASourceOnceItsPlaceholdersAreFilled() throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String type : TEMPLATES) {
            entries.add(entry(type));
        }

        List<ApiSource> sources = ApiSources.from(entries, "csv");

        assertThat(sources).extracting(ApiSource::name).containsExactly("bc-de", "sap-de", "sf-billing");
        assertThat(sources).allSatisfy(s -> assertThat(s.every()).isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void aSourceThatCannotBeBuiltStopsTheStartNamingItsEntryAndSetting() throws IOException {
        Map<String, Object> unknown = new LinkedHashMap<>(Map.of("name", "x", "type", "navision"));
        assertThatThrownBy(() -> ApiSources.from(List.of(unknown), "csv")).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("recoup.sources[0].type: no adapter for navision (known: [businesscentral, salesforce, sap");

        Map<String, Object> missing = entry("businesscentral");
        missing.remove("base-url");
        assertThatThrownBy(() -> ApiSources.from(List.of(missing), "csv")).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("recoup.sources[0]").hasMessageContaining("base-url");

        Map<String, Object> taken = entry("businesscentral");
        taken.put("name", "csv");
        assertThatThrownBy(() -> ApiSources.from(List.of(taken), "csv")).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("recoup.sources[0].name: csv is taken by another source");
    }

    @Test
    void changeDataCaptureIsOffUntilEnabledAndThenDebouncedAsConfigured() throws IOException {
        Map<String, Object> off = entry("salesforce");
        Map<String, Object> on = entry("salesforce");
        on.put("name", "sf-cdc");
        on.put("cdc", Map.of("enabled", "true", "debounce", "5s"));
        Map<String, Object> onByDefault = entry("salesforce");
        onByDefault.put("name", "sf-cdc-default");
        onByDefault.put("cdc", Map.of("enabled", true));

        List<ApiSource> sources = ApiSources.from(List.of(off, on, onByDefault), "csv");

        assertThat(sources).extracting(ApiSource::changeDebounce)
                .containsExactly(Optional.empty(), Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(2)));
    }

    @Test
    void changeDataCaptureOnASourceWithoutNotificationsOrSpelledWrongStopsTheStart() throws IOException {
        Map<String, Object> bc = entry("businesscentral");
        bc.put("cdc", Map.of("enabled", "true"));
        assertThatThrownBy(() -> ApiSources.from(List.of(bc), "csv")).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("recoup.sources[0]: bc-de: cdc.enabled, but this type of source sends no change notifications");

        Map<String, Object> sf = entry("salesforce");
        sf.put("cdc", Map.of("enabled", "yes"));
        assertThatThrownBy(() -> ApiSources.from(List.of(sf), "csv")).isInstanceOf(ConfigurationRefused.class)
                .hasMessageContaining("recoup.sources[0]: cdc.enabled is not true or false: yes");
    }

    @Test
    void listsBoundAsIndexedMapsAreReadAsLists() {
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("companies", new LinkedHashMap<>(Map.of("1", "B", "0", "A")));
        assertThat(ApiSources.plain(bound)).containsEntry("companies", List.of("A", "B"));
    }

    /** The template's first source, with every ${PLACEHOLDER} filled as an operator would. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(String type) throws IOException {
        String text;
        try (InputStream in = SourceTemplatesTest.class.getResourceAsStream("/recoup/sources/" + type + ".yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1").replaceAll("\\$\\{([A-Z_]+)}", "filled-$1");
        }
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) root.get("recoup")).get("sources");
        Map<String, Object> entry = new LinkedHashMap<>(sources.get(0));
        entry.replaceAll((k, v) -> v instanceof String s && s.startsWith("filled-") && k.endsWith("url") ? "https://example.com" : v);
        return entry;
    }
}
