package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingPresetsTest {
    private static ObjectMapping mapping(Map<String, Object> block) {
        return MappingPresets.from(new SourceSettings("sf-eu", Map.of("mapping", block)));
    }

    @Test
    void billingIsTheDefaultPresetReadingContactsThroughTheBillToContact() {
        ObjectMapping m = mapping(Map.of());

        assertThat(m.object()).isEqualTo("blng__Invoice__c");
        assertThat(m.email()).contains("blng__BillToContact__r.Email");
        assertThat(m.openStatuses()).containsExactly("Posted");
        assertThat(m.payment().object()).isEqualTo("blng__Payment__c");
        assertThat(m.payment().allocation()).hasValueSatisfying(a -> {
            assertThat(a.object()).isEqualTo("blng__PaymentAllocationInvoice__c");
            assertThat(a.paymentRelationship()).isEqualTo("blng__Payment__r");
        });
    }

    @Test
    void oneFieldCanBePointedElsewhereKeepingTheRestOfThePreset() {
        ObjectMapping m = mapping(Map.of("number", "blng__UniqueId__c",
                "payment", Map.of("external-id-field", "Recoup_Id__c", "fixed", Map.of("blng__Status__c", "Draft"))));

        assertThat(m.number()).isEqualTo("blng__UniqueId__c");
        assertThat(m.balance()).isEqualTo("blng__Balance__c");
        assertThat(m.payment().externalIdField()).isEqualTo("Recoup_Id__c");
        assertThat(m.payment().amount()).isEqualTo("blng__Amount__c");
        assertThat(m.payment().fixed()).containsEntry("blng__Status__c", "Draft");
    }

    @Test
    void theStandardInvoicePresetWritesPaymentsAndPaymentLines() {
        ObjectMapping m = mapping(Map.of("preset", "invoice"));

        assertThat(m.object()).isEqualTo("Invoice");
        assertThat(m.customerName()).isEqualTo("BillingAccount.Name");
        assertThat(m.payment().object()).isEqualTo("Payment");
        assertThat(m.payment().fixed()).containsEntry("ProcessingMode", "External");
        assertThat(m.payment().allocation()).hasValueSatisfying(a -> assertThat(a.object()).isEqualTo("PaymentLineInvoice"));
    }

    @Test
    void aCustomMappingTakesEveryFieldFromTheSettingsAndNamesTheMissingOne() {
        assertThatThrownBy(() -> mapping(Map.of("preset", "custom", "object", "Invoice__c")))
                .isInstanceOf(RecoupException.class)
                .satisfies(e -> assertThat(((RecoupException) e).code()).isEqualTo(ErrorCode.INVALID_SOURCE))
                .hasMessage("source sf-eu: setting mapping.number is required");
    }

    @Test
    void aCustomMappingWithoutStatusReadsEveryRecordWithABalanceAsOpen() {
        ObjectMapping m = mapping(Map.of("preset", "custom", "object", "Invoice__c", "number", "Name",
                "customer-id", "Account__c", "customer-name", "Account__r.Name", "due-date", "Due__c",
                "balance", "Open__c", "total", "Total__c", "filter", "Company__c = 'DE01'",
                "payment", Map.of("object", "Payment__c", "external-id-field", "Doc__c", "amount", "Amount__c")));

        assertThat(m.status()).isEmpty();
        assertThat(m.payment().allocation()).isEmpty();
        assertThat(Soql.open(m)).isEqualTo("SELECT Id, Name, Account__c, Account__r.Name, Due__c, Open__c, Total__c, "
                + "SystemModstamp FROM Invoice__c WHERE Open__c > 0 AND (Company__c = 'DE01')");
    }

    @Test
    void openStatusesMayBeWrittenAsACommaList() {
        assertThat(mapping(Map.of("open-statuses", "Posted, Post In progress")).openStatuses())
                .isEqualTo(List.of("Posted", "Post In progress"));
    }

    @Test
    void refusesAnUnknownPresetNamingTheSetting() {
        assertThatThrownBy(() -> mapping(Map.of("preset", "netsuite")))
                .hasMessage("source sf-eu: setting mapping.preset is not one of billing, invoice, custom: netsuite");
    }
}
