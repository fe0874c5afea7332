package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.PlannedAction;
import io.recoup.core.policy.PolicyStep;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class StoreIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private DataSource dataSource;
    private Database db;
    private LedgerRepository ledger;
    private ActionRepository actions;
    private ReceiptRepository receipts;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabase.fresh();
        db = new Database(dataSource, MutableClock.at(DAY));
        ledger = new LedgerRepository(db);
        actions = new ActionRepository(db);
        receipts = new ReceiptRepository(db);
    }

    private static LedgerRecord record(String id, String open) {
        CustomerKey customer = new CustomerKey("csv", "C1");
        return new LedgerRecord(new Customer(customer, "Acme", Optional.of("ap@acme.example"), Optional.empty(), Locale.ENGLISH,
                ZoneId.of("Europe/Berlin"), "b2b"),
                new OpenItem(new OpenItemKey("csv", id), customer, "INV-" + id, DAY.minusDays(30), DAY,
                        Money.of("100.00", "EUR"), Money.of(open, "EUR")));
    }

    @Test
    void upsertIsIdempotentAndTakesLedgerChanges() {
        assertThat(ledger.upsertItem(record("1", "100"), "RF18INV1")).isEqualTo(LedgerRepository.Upsert.INSERTED);
        assertThat(ledger.upsertItem(record("1", "100"), "RF18INV1")).isEqualTo(LedgerRepository.Upsert.UNCHANGED);
        assertThat(ledger.upsertItem(record("1", "40"), "RF18INV1")).isEqualTo(LedgerRepository.Upsert.UPDATED);
        StoredItem item = ledger.find(new OpenItemKey("csv", "1")).orElseThrow();
        assertThat(item.open()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from open_item", Integer.class)).isEqualTo(1);
        assertThat(ledger.upsertItem(record("1", "0"), "RF18INV1")).isEqualTo(LedgerRepository.Upsert.UPDATED);
        assertThat(ledger.find(new OpenItemKey("csv", "1")).orElseThrow().status()).isEqualTo(ItemStatus.PAID);
    }

    @Test
    void keepsUnpostedAllocationsWhenTheLedgerReportsAnUnchangedOpenAmountLater() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long itemId = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long receiptId = receipts.insertIfNew(new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, "RF18INV1", "",
                null, null, "st.xml")).orElseThrow();
        receipts.allocate(receiptId, itemId, Money.of("30", "EUR"), "test");
        ledger.applyAllocation(itemId, Money.of("30", "EUR"));
        // the ledger re-exports with a changed due date but has not seen the payment yet
        LedgerRecord moved = new LedgerRecord(record("1", "100").customer(), new OpenItem(new OpenItemKey("csv", "1"),
                new CustomerKey("csv", "C1"), "INV-1", DAY.minusDays(30), DAY.plusDays(5), Money.of("100", "EUR"), Money.of("100", "EUR")));
        assertThat(ledger.upsertItem(moved, "RF18INV1")).isEqualTo(LedgerRepository.Upsert.UPDATED);
        assertThat(ledger.get(itemId).open()).isEqualTo(Money.of("70.00", "EUR"));
    }

    @Test
    void quarantineKeepsOriginLineFieldAndRawText() {
        ledger.quarantine("ingest", new Rejection("ledger.csv", 7, "due_date", "'x' is not a date", "7,I7,..."));
        assertThat(new JdbcTemplate(dataSource).queryForMap("select origin, line, field, reason, raw from quarantine"))
                .containsEntry("origin", "ledger.csv").containsEntry("line", 7L).containsEntry("field", "due_date")
                .containsEntry("raw", "7,I7,...");
    }

    @Test
    void plansEachItemAndStepOnlyOnce() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long itemId = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        PlannedAction action = new PlannedAction(itemId, new PolicyStep("due-email", 0, Channel.EMAIL, "reminder-due"), DAY, DAY,
                "default", "1", "why");
        assertThat(actions.insert(action)).isPresent();
        assertThat(actions.insert(action)).isEmpty();
        assertThat(ledger.itemsForPlanning()).singleElement().satisfies(p -> assertThat(p.plannedSteps()).containsExactly("due-email"));
    }

    @Test
    void twoDispatchersNeverClaimTheSameAction() throws Exception {
        for (int i = 1; i <= 4; i++) {
            ledger.upsertItem(record(String.valueOf(i), "100"), "RF18INV" + i);
            actions.insert(new PlannedAction(ledger.find(new OpenItemKey("csv", String.valueOf(i))).orElseThrow().id(),
                    new PolicyStep("due-email", 0, Channel.EMAIL, "reminder-due"), DAY, DAY, "default", "1", "why"));
        }
        CountDownLatch firstHoldsLocks = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<DueAction>> first = CompletableFuture.supplyAsync(() -> db.inTransaction(() -> {
            List<DueAction> claimed = actions.claimDue(DAY, 0, 2);
            firstHoldsLocks.countDown();
            await(secondDone);
            return claimed;
        }));
        await(firstHoldsLocks);
        List<DueAction> second = db.inTransaction(() -> actions.claimDue(DAY, 0, 10));
        secondDone.countDown();
        List<DueAction> firstClaimed = first.get(30, TimeUnit.SECONDS);
        assertThat(firstClaimed).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(second).extracting(DueAction::actionId).doesNotContainAnyElementsOf(firstClaimed.stream().map(DueAction::actionId).toList());
    }

    @Test
    void receiptsAreKeyedByProviderIdAndCannotBeOverAllocated() {
        NewReceipt receipt = new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, "RF18INV1", "", null, null, "st.xml");
        long id = receipts.insertIfNew(receipt).orElseThrow();
        assertThat(receipts.insertIfNew(receipt)).isEmpty();
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long itemId = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        assertThatThrownBy(() -> db.inTransaction(() -> receipts.allocate(id, itemId, Money.of("31", "EUR"), "test")))
                .isInstanceOf(RuntimeException.class);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from allocation", Integer.class)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
