package io.recoup.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.port.FileRefused;
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
    void refusesAFileWhoseHeaderLacksARequiredColumn() {
        assertThatThrownBy(() -> read("invoice_id,invoice_number,customer_id,customer_name,issue_date,currency,amount\n1,I1,C1,A,2026-01-01,EUR,1\n"))
                .isInstanceOf(FileRefused.class)
                .hasMessage("ledger.csv line 1: required column 'due_date' is missing from the header");
    }

    @Test
    void loadsTheRowsAfterABrokenQuoteAndRejectsOnlyTheBrokenLine() {
        LedgerBatch batch = read(HEADER
                + "1,I1,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "2,I2,C1,\"Acme,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "3,I3,C1,\"Acme, Ltd\",,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "4,I4,C1,\"Acme\" Ltd,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "5,I5,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n");
        assertThat(batch.records()).extracting(r -> r.item().number()).containsExactly("I1", "I3", "I5");
        assertThat(batch.rows()).extracting(LedgerBatch.Row::line).containsExactly(2L, 4L, 6L);
        assertThat(batch.rejections()).extracting(Rejection::line, Rejection::column).containsExactly(tuple(3L, null), tuple(5L, null));
        assertThat(batch.rejections().get(0).reason()).startsWith("the quoting is broken");
        assertThat(batch.rejections().get(0).raw()).isEqualTo("2,I2,C1,\"Acme,,,,2026-02-01,2026-03-01,EUR,10,");
        assertThat(batch.rowsRead()).isEqualTo(5);
        assertThat(batch.rejectedRows()).isEqualTo(2);
    }

    @Test
    void rejectsARowWithMoreOrFewerValuesThanTheHeaderHasColumns() {
        LedgerBatch batch = read(HEADER
                + "1,I1,C1,Müller, GmbH,,,,2026-02-01,2026-03-01,EUR,10,\n"
                + "2,I2,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10\n"
                + "3,I3,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n");
        assertThat(batch.records()).extracting(r -> r.item().number()).containsExactly("I3");
        assertThat(batch.rejections()).extracting(Rejection::toString).containsExactly(
                "ledger.csv line 2: the row has 13 values where the header has 12 columns (a separator inside an unquoted value?)",
                "ledger.csv line 3: the row has 11 values where the header has 12 columns (a separator inside an unquoted value?)");
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() {
        LedgerBatch batch = read("\uFEFF" + HEADER + "1,I1,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n");
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.records()).singleElement().satisfies(r -> assertThat(r.item().key().externalId()).isEqualTo("1"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> read("")).isInstanceOf(FileRefused.class)
                .hasMessage("ledger.csv: empty file: there is not even a header row");
        assertThatThrownBy(() -> read("\uFEFF\n  \r\n")).isInstanceOf(FileRefused.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void readsAHeaderWithoutRowsAsAFileOfNoRows() {
        LedgerBatch batch = read(HEADER);
        assertThat(batch.rowsRead()).isZero();
        assertThat(batch.rows()).isEmpty();
    }

    @Test
    void refusesAHeaderThatNamesAColumnTwice() {
        assertThatThrownBy(() -> read("invoice_id,invoice_number,customer_id,customer_name,issue_date,due_date,currency,amount,amount\n"))
                .isInstanceOf(FileRefused.class)
                .hasMessage("ledger.csv line 1: column 'amount' appears twice in the header (columns 8 and 9);"
                        + " which one holds the value cannot be known");
    }

    @Test
    void warnsOfColumnsItDoesNotKnowAndLoadsTheRest() {
        LedgerBatch batch = read("invoice_id,invoice_number,customer_id,customer_name,issue_date,due_date,currency,amount,cost_centre,\n"
                + "1,I1,C1,Acme,2026-02-01,2026-03-01,EUR,10,CC-7,\n");
        assertThat(batch.records()).hasSize(1);
        assertThat(batch.warnings()).containsExactly("column 'cost_centre' is not a Recoup column; its values were ignored",
                "column 10 has no name; its values were ignored");
    }

    @Test
    void skipsRowsHoldingOnlySeparatorsWithAWarning() {
        LedgerBatch batch = read(HEADER + "1,I1,C1,Acme,,,,2026-02-01,2026-03-01,EUR,10,\n,,,,,,,,,,,\n,,,,,,,,,,,\n");
        assertThat(batch.rowsRead()).isEqualTo(1);
        assertThat(batch.warnings()).containsExactly("2 row(s) holding only separators were skipped");
    }

    @Test
    void readsASemicolonSeparatedFileWithDecimalCommas() {
        LedgerBatch batch = read(HEADER.replace(',', ';')
                + "1;I1;C1;Müller, GmbH;;de;;2026-02-01;2026-03-01;EUR;1190,50;590,5\n"
                + "2;I2;C1;Acme;;;;2026-02-01;2026-03-01;EUR;1.190,50;\n"
                + "3;I3;C1;Acme;;;;2026-02-01;2026-03-01;EUR;1190.50;\n"
                + "4;I4;C1;Acme;;;;2026-02-01;2026-03-01;EUR;1190;\n");
        assertThat(batch.records()).extracting(r -> r.item().originalAmount())
                .containsExactly(Money.of("1190.50", "EUR"), Money.of("1190.00", "EUR"));
        assertThat(batch.records().get(0).item().openAmount()).isEqualTo(Money.of("590.50", "EUR"));
        assertThat(batch.records().get(0).customer().name()).isEqualTo("Müller, GmbH");
        assertThat(batch.rejections()).extracting(Rejection::line, Rejection::column).containsExactly(tuple(3L, "amount"), tuple(4L, "amount"));
        assertThat(batch.rejections().get(0).reason()).isEqualTo("'1.190,50' has a '.', which in a semicolon-separated file could be a"
                + " thousands separator or a decimal point; write amounts with a decimal comma and no thousands separator (e.g. 1234,56)");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = (HEADER + "1,I1,C1,Müller,,,,2026-02-01,2026-03-01,EUR,10,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> source.read("ledger.csv", new ByteArrayInputStream(latin1))).isInstanceOf(FileRefused.class)
                .hasMessageContaining("is not UTF-8 text").hasMessageContaining("save it as 'CSV UTF-8'");
    }

    @Test
    void namesTabSeparatedHeadersInTheRefusal() {
        assertThatThrownBy(() -> read(HEADER.replace(',', '\t'))).isInstanceOf(FileRefused.class)
                .hasMessageContaining("the header looks tab-separated");
    }
}
