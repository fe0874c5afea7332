package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.port.SourceSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceReaderTest {
    private static InvoiceReader reader(Map<String, Object> mapping, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of("login-url", "https://acme.my.salesforce.com",
                "oauth", Map.of("client-id", "app", "client-secret", "s3cret"), "mapping", mapping));
        settings.putAll(more);
        return new InvoiceReader(SalesforceConfig.from(new SourceSettings("sf", settings)));
    }

    private final InvoiceReader billing = reader(Map.of("ibans", "blng__Account__r.IBAN__c",
            "language", "blng__BillToContact__r.Language__c"), Map.of());

    private static ObjectNode invoice() {
        return SalesforceOrg.invoice(7, "100.00", "Posted", "2026-11-22T10:00:00.000+0000");
    }

    @Test
    void readsTheCustomersIbansAndLanguageThroughRelationships() {
        ObjectNode record = invoice();
        ((ObjectNode) record.get("blng__Account__r")).put("IBAN__c", "de89 3704 0044 0532 0130 00; AT611904300234573201");
        ((ObjectNode) record.get("blng__BillToContact__r")).put("Language__c", "de_AT");

        LedgerRecord read = ((InvoiceReader.Open) billing.read(record)).record();

        assertThat(read.customer().ibans()).containsExactly("DE89370400440532013000", "AT611904300234573201");
        assertThat(read.customer().language()).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(read.item().customer().externalId()).isEqualTo("001xx0000000007AAA");
    }

    @Test
    void refusesAWrongIbanNamingTheField() {
        ObjectNode record = invoice();
        ((ObjectNode) record.get("blng__Account__r")).put("IBAN__c", "DE00370400440532013000");

        assertThat(billing.read(record)).isInstanceOfSatisfying(InvoiceReader.Refused.class, r -> {
            assertThat(r.field()).isEqualTo("blng__Account__r.IBAN__c");
            assertThat(r.reason()).contains("is not a valid IBAN");
        });
    }

    @Test
    void refusesABalanceAboveTheTotalNamingTheBalanceField() {
        ObjectNode record = invoice().put("blng__Balance__c", new BigDecimal("2000.00"));

        assertThat(billing.read(record)).isInstanceOfSatisfying(InvoiceReader.Refused.class, r -> {
            assertThat(r.field()).isEqualTo("blng__Balance__c");
            assertThat(r.reason()).contains("exceeds the invoice amount");
        });
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        ObjectNode record = invoice().put("blng__Balance__c", new BigDecimal("99.995"));

        assertThat(billing.read(record)).isInstanceOfSatisfying(InvoiceReader.Refused.class,
                r -> assertThat(r.field()).isEqualTo("blng__Balance__c"));
    }

    @Test
    void takesTheDefaultCurrencyOnlyWhenTheOrgHasNone() {
        ObjectNode record = invoice();
        record.remove("CurrencyIsoCode");

        assertThat(billing.read(record)).isInstanceOfSatisfying(InvoiceReader.Refused.class,
                r -> assertThat(r.reason()).contains("no currency"));
        assertThat(reader(Map.of(), Map.of("default-currency", "CHF")).read(record))
                .isInstanceOfSatisfying(InvoiceReader.Open.class,
                        o -> assertThat(o.record().item().openAmount().currencyCode()).isEqualTo("CHF"));
    }

    @Test
    void readsTheModstampAsSalesforceWritesIt() {
        assertThat(billing.modstamp(invoice())).contains(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(billing.modstamp(invoice().put("SystemModstamp", "2026-11-22T11:00:00+01:00")))
                .contains(Instant.parse("2026-11-22T10:00:00Z"));
    }
}
