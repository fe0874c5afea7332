package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.SourceSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CubeQueryTest {
    private final SapMapping mapping = SapMapping.of(new SourceSettings("s", Map.of()));
    private final CubeQuery query = new CubeQuery(URI.create("https://sap/svc"), List.of("1010", "1710"), false, mapping);

    private static String decoded(URI uri) {
        return URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
    }

    @Test
    void asksForTheRowsAfterTheLastKeyOfThePageBefore() {
        String next = decoded(query.page(query.open(), List.of("1010", "2026", "1800000003", "001"), 100));

        assertThat(next).contains("$filter=((CompanyCode eq '1010' or CompanyCode eq '1710') and FinancialAccountType eq 'D'"
                + " and SpecialGLCode eq '' and IsCleared eq false) and (CompanyCode gt '1010' or (CompanyCode eq '1010' and "
                + "(FiscalYear gt '2026' or (FiscalYear eq '2026' and (AccountingDocument gt '1800000003' or "
                + "(AccountingDocument eq '1800000003' and AccountingDocumentItem gt '001'))))))");
        assertThat(next).contains("$top=100").doesNotContain("$skip");
    }

    @Test
    void quotesLiteralsSoAReferenceCannotBreakOutOfTheFilter() {
        String filter = query.posted(List.of("RCP-1' or 'a' eq 'a"), "DZ");

        assertThat(filter).endsWith("(DocumentReferenceID eq 'RCP-1'' or ''a'' eq ''a')");
    }

    @Test
    void excludesCreditItemsOnTheServerWhenConfiguredTo() {
        CubeQuery debitsOnly = new CubeQuery(URI.create("https://sap/svc"), List.of("1010"), true, mapping);

        assertThat(debitsOnly.open()).contains("DebitCreditCode eq 'S'");
        assertThat(query.open()).doesNotContain("DebitCreditCode");
    }

    @Test
    void writesDatesAsODataV2DatetimeLiterals() {
        assertThat(query.changed(LocalDate.of(2026, 11, 30))).contains("LastChangeDate ge datetime'2026-11-30T00:00:00'");
    }

    @Test
    void addressesOneItemByItsWholeKey() {
        URI item = query.item(List.of("1010", "2026", "1800000001", "001"), "Customer");

        assertThat(item.getRawPath()).isEqualTo("/svc/A_OperationalAcctgDocItemCube(CompanyCode=%271010%27,"
                + "FiscalYear=%272026%27,AccountingDocument=%271800000001%27,AccountingDocumentItem=%27001%27)");
    }
}
