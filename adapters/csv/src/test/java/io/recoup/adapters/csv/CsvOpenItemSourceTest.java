package io.recoup.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerBatch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvOpenItemSourceTest {
    private static final String HEADER = "invoice_id,invoice_number,customer_id,customer_name,email,language,time_zone,issue_date,due_date,currency,amount,open_amount\n";
    private final CsvOpenItemSource source = new CsvOpenItemSource("csv", ZoneId.of("Europe/Berlin"));

    private LedgerBatch read(String csv) {
        return source.read("ledger.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsItemsWithTheirCustomer() {
        LedgerBatch batch = read(HEADER
                + "1001,INV-1001,C1,\"Müller, GmbH\",ap@mueller.example,de,Europe/Vienna,2026-02-01,2026-03-03,EUR,1190.00,590.5\n");
        assertThat(batch.rejections()).isEmpty();
        LedgerRecord record = batch.records().get(0);
        assertThat(record.item().key().externalId()).isEqualTo("1001");
        assertThat(record.item().dueDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(record.item().openAmount()).isEqualTo(Money.of("590.50", "EUR"));
        assertThat(record.customer().name()).isEqualTo("Müller, GmbH");
        assertThat(record.customer().language()).isEqualTo(Locale.GERMAN);
        assertThat(record.customer().timeZone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    }

    @Test
    void openAmountDefaultsToTheInvoiceAmountAndTimeZoneToTheCompanys() {
        LedgerRecord record = read(HEADER + "1,I1,C1,Acme,,,,2026-02-01,2026-03-03,EUR,10,\n").records().get(0);
        assertThat(record.item().openAmount()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(record.customer().email()).isEmpty();
        assertThat(record.customer().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void quarantinesEachBadFieldWithLineAndColumnAndLoadsTheRest() {
        LedgerBatch batch = read(HEADER
                + "1,I1,C1,Acme,,,,2026-02-01,2026-02-30,EUR,10,\n"
                + "2,I2,C1,Acme,,,,2026-02-01,2026-03-01,EUR,\"1,200.00\",\n"
                + "3,I3,C1,Acme,,,Mars/Base,2026-02-01,2026-03-01,EURO,10,\n"
                + "4,I4,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "4,I4b,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "5,I5,C1,Acme,,,,2026-03-05,2026-03-01,EUR,10,20\n");
        assertThat(batch.records()).extracting(r -> r.item().number()).containsExactly("I4");
        assertThat(batch.rejections()).extracting(Rejection::toString).containsExactly(
                "ledger.csv line 2, column due_date: '2026-02-30' is not a date (expected YYYY-MM-DD)",
                "ledger.csv line 3, column amount: '1,200.00' is not a plain decimal amount (digits with an optional '.' and decimals)",
                "ledger.csv line 4, column currency: 'EURO' is not an ISO 4217 currency code",
                "ledger.csv line 4, column time_zone: 'Mars/Base' is not a time zone (expected e.g. Europe/Berlin)",
                "ledger.csv line 6, column invoice_id: invoice_id '4' appears twice in this file (first on line 5)",
                "ledger.csv line 7, column due_date: item csv:5, field due_date: due date 2026-03-01 is before issue date 2026-03-05");
        assertThat(batch.rejections().get(0).raw()).isEqualTo("1,I1,C1,Acme,,,,2026-02-01,2026-02-30,EUR,10,");
    }

    @Test
    void rejectsAFileWhoseHeaderLacksARequiredColumn() {
        LedgerBatch batch = read("invoice_id,invoice_number,customer_id,customer_name,issue_date,currency,amount\n1,I1,C1,A,2026-01-01,EUR,1\n");
        assertThat(batch.records()).isEmpty();
        assertThat(batch.rejections()).singleElement().hasToString(
                "ledger.csv line 1, column due_date: required column 'due_date' is missing from the header");
    }

    @Test
    void keepsWhatWasReadBeforeABrokenQuote() {
        LedgerBatch batch = read(HEADER + "1,I1,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n2,I2,C1,\"Acme,,,,2026-02-01,2026-03-01,EUR,10,\n");
        assertThat(batch.records()).hasSize(1);
        assertThat(batch.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("the file cannot be read past this point"));
    }
}
