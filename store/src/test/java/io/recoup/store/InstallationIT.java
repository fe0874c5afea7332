package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.PendingPosting;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Document numbers of payments are unique per installation: a prefix, the installation's random id, the allocation. */
class InstallationIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void twoInstallationsNeverGiveTheFirstPaymentTheSameDocumentNumber() {
        Database first = new Database(TestDatabase.fresh(), MutableClock.at(DAY));
        Database second = new Database(TestDatabase.fresh(), MutableClock.at(DAY));

        String one = postOnePayment(first, "E1");
        String other = postOnePayment(second, "E1");

        assertThat(one).matches("RCP-[A-Z2-9]{6}-1").isEqualTo("RCP-" + new Installation(first).id() + "-1");
        assertThat(other).matches("RCP-[A-Z2-9]{6}-1").isNotEqualTo(one);
    }

    @Test
    void theConfiguredPrefixNumbersPaymentsFromNowOnAndAReversalAppendsR() {
        Database db = new Database(TestDatabase.fresh(), MutableClock.at(DAY));
        Installation installation = new Installation(db);
        String before = postOnePayment(db, "E1");

        installation.useDocumentPrefix("ACME");
        String after = postOnePayment(db, "E2");

        assertThat(before).startsWith("RCP-" + installation.id() + "-");
        assertThat(after).isEqualTo("ACME-" + installation.id() + "-2");
        assertThat(new ReceiptRepository(db).reversePosting("bank", "E1")).contains(before + "-R");
        assertThatThrownBy(() -> installation.useDocumentPrefix("RCP 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recoup.posting.document-prefix: 'RCP 2' is not 1 to 12 letters and digits");
    }

    private static String postOnePayment(Database db, String bankEntry) {
        LedgerRepository ledger = new LedgerRepository(db);
        ReceiptRepository receipts = new ReceiptRepository(db);
        CustomerKey customer = new CustomerKey("csv", "C1");
        ledger.upsertItem(new LedgerRecord(new Customer(customer, "Acme", Optional.empty(), Optional.empty(), Locale.ENGLISH,
                ZoneId.of("Europe/Berlin"), "b2b"), new OpenItem(new OpenItemKey("csv", bankEntry), customer, "INV-" + bankEntry,
                DAY.minusDays(30), DAY, Money.of("100.00", "EUR"), Money.of("100.00", "EUR"))), "RF18" + bankEntry);
        long itemId = ledger.find(new OpenItemKey("csv", bankEntry)).orElseThrow().id();
        ReceiptId receipt = receipts.insertIfNew(new NewReceipt("bank", bankEntry, Money.of("100", "EUR"), DAY, DAY, null, "",
                null, null, "st.xml")).orElseThrow();
        receipts.allocate(receipt, itemId, Money.of("100", "EUR"), "test");
        return receipts.claimPendingPostings(10).stream().map(PendingPosting::documentNumber).reduce((a, b) -> b).orElseThrow();
    }
}
