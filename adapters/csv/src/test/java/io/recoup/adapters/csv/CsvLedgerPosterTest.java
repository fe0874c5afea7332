package io.recoup.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPosting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLedgerPosterTest {
    @TempDir
    Path folder;

    @Test
    void writesOnePaymentsFileAndReportsItsDocumentNumbersAsPosted() throws Exception {
        CsvLedgerPoster poster = new CsvLedgerPoster(folder.resolve("payments"));
        assertThat(poster.alreadyPosted(Set.of("RCP-1"))).isEmpty();
        String name = poster.post(List.of(
                new LedgerPosting("RCP-1", new OpenItemKey("csv", "1001"), "INV-1001", Money.of("100.5", "EUR"),
                        LocalDate.of(2026, 3, 6), "RF98INV2026000123"),
                new LedgerPosting("RCP-2", new OpenItemKey("csv", "1002"), "INV-1002", Money.of("7", "EUR"),
                        LocalDate.of(2026, 3, 6), "RF712348231")));
        assertThat(Files.readAllLines(folder.resolve("payments").resolve(name))).containsExactly(
                "document_number,invoice_id,invoice_number,amount,currency,payment_date,payment_reference",
                "RCP-1,1001,INV-1001,100.50,EUR,2026-03-06,RF98INV2026000123",
                "RCP-2,1002,INV-1002,7.00,EUR,2026-03-06,RF712348231");
        assertThat(poster.alreadyPosted(Set.of("RCP-1", "RCP-2", "RCP-3"))).containsExactlyInAnyOrder("RCP-1", "RCP-2");
        try (Stream<Path> files = Files.list(folder.resolve("payments"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(name);
        }
    }

    @Test
    void writesTextThatASpreadsheetWouldEvaluateAsTextAndStillFindsItsDocumentNumbers() throws Exception {
        CsvLedgerPoster poster = new CsvLedgerPoster(folder);
        String name = poster.post(List.of(new LedgerPosting("=RCP-1", new OpenItemKey("csv", "@1001"), "=HYPERLINK(\"http://x.example\")",
                Money.of("-5", "EUR"), LocalDate.of(2026, 3, 6), "+49 transfer")));
        assertThat(Files.readAllLines(folder.resolve(name))).element(1).isEqualTo(
                "'=RCP-1,'@1001,\"'=HYPERLINK(\"\"http://x.example\"\")\",-5.00,EUR,2026-03-06,'+49 transfer");
        assertThat(poster.alreadyPosted(Set.of("=RCP-1", "'=RCP-1", "RCP-1"))).containsExactlyInAnyOrder("=RCP-1", "'=RCP-1");
    }
}
