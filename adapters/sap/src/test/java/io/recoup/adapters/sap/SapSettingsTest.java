package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceConnector;
import io.recoup.core.port.SourceSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SapSettingsTest {
    private static Map<String, Object> minimal() {
        Map<String, Object> s = new HashMap<>();
        s.put("url", "https://my401234-api.s4hana.cloud.sap/");
        s.put("company-codes", List.of("1010", "1710"));
        s.put("auth", Map.of("type", "basic", "user", "COMM_USER", "password", "pw"));
        return s;
    }

    private static SapSettings read(Map<String, Object> settings) {
        return SapSettings.of(new SourceSettings("sap-de", settings));
    }

    @Test
    void fillsSapsStandardPathsAndDefaultsFromTheSystemUrl() {
        SapSettings s = read(minimal());

        assertThat(s.cubeService()).hasToString("https://my401234-api.s4hana.cloud.sap/sap/opu/odata/sap/API_OPLACCTGDOCITEMCUBE_SRV");
        assertThat(s.companyCodes()).containsExactly("1010", "1710");
        assertThat(s.pageSize()).isEqualTo(500);
        assertThat(s.mapping().sourceFields("number")).containsExactly("DocumentReferenceID", "AccountingDocument");
        assertThat(s.posting()).isEmpty();
        assertThat(s.auth()).hasToString("Basic(user COMM_USER)");
    }

    @Test
    void readsCompanyCodesWrittenAsOneCommaSeparatedString() {
        Map<String, Object> settings = minimal();
        settings.put("company-codes", "1010, 1710");

        assertThat(read(settings).companyCodes()).containsExactly("1010", "1710");
    }

    @Test
    void namesTheSourceAndTheSettingThatIsMissingOrWrong() {
        Map<String, Object> noCompanies = minimal();
        noCompanies.remove("company-codes");
        Map<String, Object> badMapping = minimal();
        badMapping.put("mapping", Map.of("invoice-no", "DocumentReferenceID"));
        Map<String, Object> badAuth = minimal();
        badAuth.put("auth", Map.of("type", "kerberos"));
        Map<String, Object> noSecret = minimal();
        noSecret.put("auth", Map.of("type", "oauth2", "token-url", "https://x/oauth/token", "client-id", "c"));

        assertThatThrownBy(() -> read(noCompanies)).hasMessage("source sap-de: setting company-codes is required (one or "
                + "more SAP company codes, e.g. [1010])");
        assertThatThrownBy(() -> read(badMapping)).hasMessageContaining("setting mapping.invoice-no is not a Recoup field");
        assertThatThrownBy(() -> read(badAuth)).hasMessageContaining("setting auth.type must be basic or oauth2");
        assertThatThrownBy(() -> read(noSecret)).isInstanceOf(RecoupException.class)
                .hasMessage("source sap-de: setting auth.client-secret is required")
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.INVALID_SOURCE);
    }

    @Test
    void thePosterNeedsTheBankGlAccountAndSaysSo() {
        assertThatThrownBy(() -> new SapConnector().poster(new SourceSettings("sap-de", minimal())))
                .hasMessageContaining("source sap-de: setting posting.bank-gl-account is required");
    }

    @Test
    void neverShowsAClientSecret() {
        Map<String, Object> settings = minimal();
        settings.put("auth", Map.of("type", "oauth2", "token-url", "https://x/oauth/token", "client-id", "c",
                "client-secret", "s3cr3t-value"));

        assertThat(read(settings).toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void isFoundByTheServiceLoaderUnderTypeSap() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.get().type()))
                .contains(SapConnector.TYPE);
    }
}
