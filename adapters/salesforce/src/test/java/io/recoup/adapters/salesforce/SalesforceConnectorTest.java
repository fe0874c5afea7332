package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SalesforceConnectorTest {
    private static Map<String, Object> settings() {
        return new HashMap<>(Map.of("login-url", "https://acme.my.salesforce.com",
                "oauth", Map.of("client-id", "app", "client-secret", "s3cret")));
    }

    @Test
    void isFoundByTheServiceLoaderUnderItsType() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::get)
                .map(SourceConnector::type)).contains("salesforce");
    }

    @Test
    void namesTheSourceAndTheMissingSetting() {
        Map<String, Object> settings = settings();
        settings.put("oauth", Map.of("client-id", "app"));

        assertThatThrownBy(() -> new SalesforceConnector().feed(new SourceSettings("sf-us", settings)))
                .hasMessage("source sf-us: setting oauth.client-secret is required");
    }

    @Test
    void refusesABatchSizeSalesforceWouldIgnore() {
        Map<String, Object> settings = settings();
        settings.put("batch-size", "50");

        assertThatThrownBy(() -> new SalesforceConnector().poster(new SourceSettings("sf-us", settings)))
                .hasMessage("source sf-us: setting batch-size must be between 200 and 2000: 50");
    }

    @Test
    void listensToTheMappedObjectsChangeEventChannelUnlessOneIsConfigured() {
        Map<String, Object> standard = settings();
        standard.put("mapping", Map.of("preset", "invoice"));
        Map<String, Object> custom = settings();
        custom.put("mapping", Map.of("object", "Invoice__c"));
        Map<String, Object> configured = settings();
        configured.put("cdc", Map.of("channel", "/data/ChangeEvents"));

        assertThat(SalesforceConfig.from(new SourceSettings("sf", settings())).changeChannel())
                .isEqualTo("/data/blng__Invoice__ChangeEvent");
        assertThat(SalesforceConfig.from(new SourceSettings("sf", standard)).changeChannel()).isEqualTo("/data/InvoiceChangeEvent");
        assertThat(SalesforceConfig.from(new SourceSettings("sf", custom)).changeChannel()).isEqualTo("/data/Invoice__ChangeEvent");
        assertThat(SalesforceConfig.from(new SourceSettings("sf", configured)).changeChannel()).isEqualTo("/data/ChangeEvents");
    }

    @Test
    void refusesAChangeChannelOutsideData() {
        Map<String, Object> settings = settings();
        settings.put("cdc", Map.of("channel", "/topic/InvoiceUpdates"));

        assertThatThrownBy(() -> new SalesforceConnector().feed(new SourceSettings("sf-us", settings)))
                .hasMessage("source sf-us: setting cdc.channel is not like /data/InvoiceChangeEvent: /topic/InvoiceUpdates");
    }

    @Test
    void neverPrintsTheClientSecret() {
        SalesforceConfig config = SalesforceConfig.from(new SourceSettings("sf-us", settings()));

        assertThat(config.toString()).contains("sf-us").doesNotContain("s3cret");
        assertThat(new AccessTokens.Token("00Dxx!secret-token", "https://acme.my.salesforce.com").toString())
                .doesNotContain("secret-token");
    }
}
