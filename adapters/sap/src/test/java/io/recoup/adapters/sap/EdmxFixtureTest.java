package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.sap.testserver.Fixtures;
import io.recoup.core.port.SourceSettings;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every cube property the adapter reads or filters on exists in SAP's EDMX with the type the adapter expects. */
class EdmxFixtureTest {
    private static final Map<String, String> FILTERED = Map.ofEntries(
            Map.entry("FinancialAccountType", "Edm.String"), Map.entry("SpecialGLCode", "Edm.String"),
            Map.entry("IsCleared", "Edm.Boolean"), Map.entry("LastChangeDate", "Edm.DateTime"),
            Map.entry("AccountingDocumentCreationDate", "Edm.DateTime"), Map.entry("ClearingDate", "Edm.DateTime"),
            Map.entry("ClearingCreationDate", "Edm.DateTime"), Map.entry("AccountingDocumentType", "Edm.String"),
            Map.entry("DocumentReferenceID", "Edm.String"), Map.entry("NetDueDate", "Edm.DateTime"),
            Map.entry("DocumentDate", "Edm.DateTime"), Map.entry("AmountInTransactionCurrency", "Edm.Decimal"),
            Map.entry("CompanyCode", "Edm.String"), Map.entry("DebitCreditCode", "Edm.String"));

    @Test
    void everyPropertyTheAdapterUsesIsInTheRealEdmxWithItsType() throws Exception {
        String edmx = Files.readString(Fixtures.sap("API_OPLACCTGDOCITEMCUBE_SRV.edmx"));
        Map<String, String> types = new java.util.HashMap<>();
        Matcher m = Pattern.compile("<Property Name=\"([^\"]+)\" Type=\"([^\"]+)\"").matcher(edmx);
        while (m.find()) {
            types.putIfAbsent(m.group(1), m.group(2));
        }
        Set<String> used = new LinkedHashSet<>(CubeQuery.ALWAYS);
        used.addAll(SapMapping.of(new SourceSettings("s", Map.of())).selected());
        used.addAll(FILTERED.keySet());

        assertThat(types.keySet()).containsAll(used);
        FILTERED.forEach((field, type) -> assertThat(types.get(field)).as(field).isEqualTo(type));
        assertThat(edmx).contains("<PropertyRef Name=\"CompanyCode\"/><PropertyRef Name=\"FiscalYear\"/>"
                + "<PropertyRef Name=\"AccountingDocument\"/><PropertyRef Name=\"AccountingDocumentItem\"/>");
    }
}
