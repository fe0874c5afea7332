package io.recoup.adapters.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BcSettingsTest {
    private static Map<String, Object> minimal() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("base-url", "https://bc.example/api/v2.0");
        settings.put("companies", List.of("CRONUS"));
        settings.put("oauth", Map.of("token-url", "https://login.example/token", "client-id", "id",
                "client-secret", "very-secret"));
        settings.put("local-currency", "EUR");
        return settings;
    }

    @Test
    void namesTheSourceAndTheSettingThatIsMissing() {
        Map<String, Object> settings = minimal();
        settings.put("oauth", Map.of("token-url", "https://login.example/token", "client-id", "id"));

        assertThatThrownBy(() -> new BusinessCentralConnector().feed(new SourceSettings("bc-de", settings)))
                .isInstanceOf(RecoupException.class).hasMessage("source bc-de: setting oauth.client-secret is required");
    }

    @Test
    void refusesAnUnknownPaymentSignAndANonCurrency() {
        Map<String, Object> sign = minimal();
        sign.put("payment-amount-sign", "sideways");
        Map<String, Object> currency = minimal();
        currency.put("local-currency", "EURO");

        assertThatThrownBy(() -> BcSettings.of(new SourceSettings("bc-de", sign))).hasMessageContaining("payment-amount-sign");
        assertThatThrownBy(() -> BcSettings.of(new SourceSettings("bc-de", currency))).hasMessageContaining("local-currency");
    }

    @Test
    void readsCompaniesFromAListOrACommaSeparatedLineAndKeepsTheSecretOutOfItsText() {
        Map<String, Object> settings = minimal();
        settings.put("companies", "CRONUS DE, CRONUS AT");

        BcSettings read = BcSettings.of(new SourceSettings("bc-de", settings));

        assertThat(read.companies()).containsExactly("CRONUS DE", "CRONUS AT");
        assertThat(read.baseUrl().toString()).endsWith("/api/v2.0/");
        assertThat(read.toString()).doesNotContain("very-secret");
        assertThat(read.pageSize()).isEqualTo(1000);
    }

    @Test
    void cutsTheReferenceToThirtyFiveCharactersWithoutSplittingASurrogatePair() {
        String reference = "A".repeat(34) + "\uD83D\uDE00tail";

        assertThat(PaymentLine.cut(reference, 35)).isEqualTo("A".repeat(34));
        assertThat(PaymentLine.cut("short", 35)).isEqualTo("short");
    }
}
