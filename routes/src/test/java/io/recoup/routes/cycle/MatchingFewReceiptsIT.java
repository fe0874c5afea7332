package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.routes.match.Reconciliation;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.ReceiptRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over a few receipts reads from the database only the items they can reach (by RF reference, by a number
 * their texts may name, by the payer they identify), not every open item. Two installations with the same ledger and
 * the same statement, one reading only those items and one reading every open item, must record the same receipts,
 * reasons and allocations.
 */
class MatchingFewReceiptsIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String IBAN_OF_C7 = "DE89370400440532013000";

    @TempDir
    Path home;
    CycleFixture few;
    CycleFixture every;

    @BeforeEach
    void start() {
        few = new CycleFixture(home.resolve("few"), DAY, mail.getSmtp().getPort());
        every = new CycleFixture(home.resolve("every"), DAY, mail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        few.close();
        every.close();
    }

    @Test
    void readingOnlyTheItemsTheReceiptsCanReachRecordsWhatReadingEveryOpenItemRecords() {
        for (CycleFixture instance : List.of(few, every)) {
            instance.drop("ledger/inbox", "ledger.csv", ledger());
            instance.runDay(DAY);
            instance.stages.statements().importStatement("st.xml", new ByteArrayInputStream(statement()
                    .getBytes(StandardCharsets.UTF_8)));
        }

        few.stages.reconciliation().matchNewReceipts();
        new Reconciliation(every.db, new ReceiptRepository(every.db), new LedgerRepository(every.db), new EventLog(every.db), 0)
                .matchNewReceipts();

        String receipts = "select provider_id, status, unallocated, reason from receipt order by provider_id";
        String allocations = """
                select r.provider_id, i.number, a.amount, a.rule from allocation a join receipt r on r.id = a.receipt_id
                    join open_item i on i.id = a.item_id order by r.provider_id, i.number""";
        assertThat(few.jdbc.queryForList(receipts)).isEqualTo(every.jdbc.queryForList(receipts));
        assertThat(few.jdbc.queryForList(allocations)).isEqualTo(every.jdbc.queryForList(allocations));
        assertThat(few.jdbc.queryForList("select provider_id, status from receipt order by provider_id"))
                .extracting(r -> r.get("provider_id") + " " + r.get("status"))
                .containsExactly("IBAN-7 MATCHED", "NOBODY-9 UNMATCHED", "RF-1 MATCHED", "TEXT-2 MATCHED", "TYPO-3 UNMATCHED");
        assertThat(few.jdbc.queryForObject("select reason from receipt where provider_id = 'TYPO-3'", String.class))
                .contains("INV-2026-0008");
    }

    /** Twenty customers with one invoice each; customer 7 pays from a known account, invoice 8 is larger. */
    private static String ledger() {
        StringBuilder csv = new StringBuilder(CollectionCycleIT.HEADER.replace("\n", ",customer_iban\n"));
        for (int i = 1; i <= 20; i++) {
            String amount = i == 8 ? "480.00" : "100.00";
            csv.append(i).append(",INV-2026-000").append(i).append(",C").append(i).append(",Customer ").append(i)
                    .append(",ap").append(i).append("@customer.example,en,2026-02-01,2026-03-20,EUR,").append(amount).append(',')
                    .append(',').append(i == 7 ? IBAN_OF_C7 : "").append('\n');
        }
        return csv.toString();
    }

    private static String statement() {
        return Camt.statement("S1",
                Camt.credit("RF-1", "100.00", CreditorReference.forBody("INV20260001").value(), null),
                Camt.credit("TEXT-2", "100.00", null, "Rechnung 2026/2"),
                // a typo that names invoice 8 of another customer, whose amount it does not fit, from an unknown payer
                Camt.credit("TYPO-3", "100.00", "INV-2026-0008 thanks", "Someone Else", "FR7630006000011234567890189"),
                Camt.credit("IBAN-7", "100.00", "payment", "C SEVEN", IBAN_OF_C7),
                Camt.credit("NOBODY-9", "55.00", "donation", "Unknown Ltd", "NL91ABNA0417164300"));
    }
}
