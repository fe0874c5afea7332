package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CubeRecordTest {
    private static CubeRecord row(String json) throws Exception {
        return new CubeRecord(new ObjectMapper().readTree(json));
    }

    @Test
    void readsODataV2DatesWithAndWithoutOffset() throws Exception {
        CubeRecord row = row("{\"NetDueDate\":\"/Date(1719360000000)/\",\"DocumentDate\":\"/Date(1719360000000+0000)/\"}");

        assertThat(row.date("NetDueDate")).contains(LocalDate.of(2024, 6, 26));
        assertThat(row.date("DocumentDate")).contains(LocalDate.of(2024, 6, 26));
        assertThat(row.date("ClearingDate")).isEmpty();
    }

    @Test
    void refusesADateThatIsNotAnODataDate() throws Exception {
        assertThatThrownBy(() -> row("{\"NetDueDate\":\"2024-06-26\"}").date("NetDueDate"))
                .hasMessageContaining("'2024-06-26' is not an OData v2 date");
    }

    @Test
    void turnsTheKeyIntoAnExternalIdAndBack() throws Exception {
        CubeRecord row = row("{\"CompanyCode\":\"1010\",\"FiscalYear\":\"2026\",\"AccountingDocument\":\"1800000001\","
                + "\"AccountingDocumentItem\":\"001\"}");

        String id = CubeRecord.externalId(row.key().orElseThrow());

        assertThat(id).isEqualTo("1010/2026/1800000001/001");
        assertThat(CubeRecord.parseExternalId(id)).contains(row.key().orElseThrow());
        assertThat(CubeRecord.parseExternalId("INV-1")).isEmpty();
        assertThat(row("{\"CompanyCode\":\"1010\"}").key()).isEmpty();
    }
}
