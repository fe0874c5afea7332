package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The ready template in config-templates builds a working SAP source once its placeholders are filled. */
class SapTemplateTest {
    @Test
    @SuppressWarnings("unchecked")
    void theBundledTemplateBuildsAFeedAndAPoster() throws Exception {
        Path template = Path.of("../../config-templates/src/main/resources/recoup/sources/sap.yaml");
        String text = Files.readString(template).replaceAll("\\$\\{SAP_URL}", "https://my401234-api.s4hana.cloud.sap")
                .replaceAll("\\$\\{[A-Z_]+}", "filled");
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> source = new HashMap<>(((List<Map<String, Object>>) ((Map<String, Object>) root.get("recoup"))
                .get("sources")).get(0));
        assertThat(source.remove("type")).isEqualTo(SapConnector.TYPE);
        SourceSettings settings = new SourceSettings((String) source.remove("name"), source);

        SapSettings sap = SapSettings.of(settings);

        assertThat(sap.companyCodes()).containsExactly("1010");
        assertThat(sap.mapping().sourceFields("email")).isEmpty();
        assertThat(sap.requirePosting().soapEndpoint()).hasToString(
                "https://my401234-api.s4hana.cloud.sap/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi");
        assertThat(new SapConnector().feed(settings).sourceName()).isEqualTo("sap-de");
        assertThat(new SapConnector().poster(settings)).isNotNull();
    }
}
