package io.recoup.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.SourceSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlTest {
    private final ObjectMapping billing = MappingPresets.from(new SourceSettings("sf", Map.of()));

    @Test
    void aFullSyncAsksForPostedInvoicesWithABalance() {
        assertThat(Soql.open(billing)).startsWith("SELECT Id, Name, blng__Account__c, blng__Account__r.Name, ")
                .endsWith(" FROM blng__Invoice__c WHERE blng__InvoiceStatus__c IN ('Posted') AND blng__Balance__c > 0");
    }

    @Test
    void anIncrementalSyncFiltersOnTheModstampFromTheWholeSecondBefore() {
        assertThat(Soql.changedSince(billing, Instant.parse("2026-11-22T10:15:30.999Z")))
                .contains(", IsDeleted FROM blng__Invoice__c WHERE SystemModstamp >= 2026-11-22T10:15:30Z ORDER BY SystemModstamp")
                .doesNotContain("blng__Balance__c > 0");
    }

    @Test
    void quotesAndEscapesValues() {
        assertThat(Soql.whereIn("Payment", "Doc__c", "Doc__c", List.of("RCP-1", "O'Brien\\x")))
                .isEqualTo("SELECT Doc__c FROM Payment WHERE Doc__c IN ('RCP-1', 'O\\'Brien\\\\x')");
    }
}
