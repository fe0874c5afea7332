package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.SourceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The ready template in config-templates is a working configuration once its placeholders are filled in. */
class SalesforceTemplateTest {
    private static final Path TEMPLATE = Path.of("../../config-templates/src/main/resources/recoup/sources/salesforce.yaml");

    @Test
    void theTemplateConfiguresTheBillingPresetWithItsDocumentedValues() throws IOException {
        String text = Files.readString(TEMPLATE).replace("${SF_LOGIN_URL}", "https://acme.my.salesforce.com")
                .replace("${SF_CLIENT_ID}", "app").replace("${SF_CLIENT_SECRET}", "secret");
        Map<String, Object> root = new Yaml().load(text);
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) ((Map<String, Object>) root.get("recoup")).get("sources")).get(0);

        SalesforceConfig config = SalesforceConfig.from(new SourceSettings((String) source.get("name"), source));

        assertThat(new SalesforceConnector().type()).isEqualTo(source.get("type"));
        assertThat(config.mapping()).isEqualTo(MappingPresets.from(new SourceSettings("sf-billing", Map.of())));
        assertThat(config.batchSize()).isEqualTo(2000);
        assertThat(config.retry().maxAttempts()).isEqualTo(5);
        assertThat(config.defaultTimeZone().getId()).isEqualTo("Europe/Berlin");
    }
}
