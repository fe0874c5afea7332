package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Entry details spread over several NtryDtls blocks, with the v08 party wrapper (our own test file). */
class CamtEntryDetailsTest {

    @Test
    void collectsTheTransactionsOfEveryEntryDetailsBlockAndAddsUpTheBatchCounts() {
        CamtEntry entry = read().entries().get(0);

        assertThat(entry.batchCount()).isEqualTo(3);
        assertThat(entry.valueDate()).as("from ValDt/DtTm").isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/IDDT/ESDD");
        assertThat(entry.transactions()).extracting(CamtTransaction::endToEndId)
                .containsExactly("INV2026000123", "INV2026000124", "INV2026000125");
        assertThat(entry.transactions()).extracting(CamtTransaction::mandateId)
                .containsExactly("MANDATE-0001", "MANDATE-0002", "MANDATE-0003");
        assertThat(entry.transactions()).extracting(CamtTransaction::amount)
                .containsExactly(new BigDecimal("149.90"), new BigDecimal("99.90"), new BigDecimal("99.90"));
        assertThat(entry.transactions().stream().map(CamtTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(entry.amount());
    }

    @Test
    void readsTheVersionEightPartiesRemittanceAndProprietaryReturnReason() {
        CamtEntry entry = read().entries().get(0);

        assertThat(entry.transactions()).extracting(CamtTransaction::debtorName)
                .containsExactly("Muster GmbH", "Beispiel AG", "Voorbeeld BV");
        assertThat(entry.transactions()).extracting(CamtTransaction::debtorIban)
                .containsExactly("DE33100205000001194700", "BE72000000001616", "NL91ABNA0417164300");
        assertThat(entry.transactions().get(0).creditorReference()).isEqualTo("RF98INV2026000123");
        assertThat(entry.transactions().get(1).remittanceLines()).containsExactly("INV 2026 000124", "Kundennr 42");
        assertThat(entry.transactions().get(1).creditorReference()).isNull();
        assertThat(entry.transactions().get(2).returnReasonCode()).isEqualTo("BANK-SPECIFIC");
        assertThat(entry.transactions().get(2).direction()).isNull();
    }

    private static CamtDocument read() {
        String text = CamtFixtures.resource("camt054/several-entry-details/notification.xml");
        CamtDocument document = new CamtReader().readAll(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "several-entry-details");
        assertThat(document.problems()).isEmpty();
        return document;
    }
}
