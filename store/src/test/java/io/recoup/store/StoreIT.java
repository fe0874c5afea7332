package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.RecoupException;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.Notice;
import io.recoup.core.dunning.NoticeLine;
import io.recoup.core.id.NoticeId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.lifecycle.IllegalTransition;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.lifecycle.ReceiptEvent;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.ledger.StoredItem;
import io.recoup.store.plan.CustomerCaseReader;
import io.recoup.store.receipt.NewReceipt;
import io.recoup.store.receipt.ReceiptRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private NoticeRepository notices;
    private CustomerCaseReader dunning;
    private ReceiptRepository receipts;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabase.fresh();
        db = new Database(dataSource, MutableClock.at(DAY));
        ledger = new LedgerRepository(db);
        notices = new NoticeRepository(db);
        dunning = new CustomerCaseReader(db);
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
        ReceiptId receiptId = receipts.insertIfNew(new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, "RF18INV1", "",
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
    void quarantinesARefusalWithoutLineOrColumnOnceEach() {
        db.inTransaction(() -> {
            ledger.quarantine("ingest", new Rejection("ledger.csv", -1, null, "the whole file was refused: empty file", ""));
            ledger.quarantine("ingest", new Rejection("ledger.csv", -1, null, "the whole file was refused: empty file", ""));
            ledger.quarantine("ingest", new Rejection("ledger.csv", 3, null, "the quoting is broken", "3,\"x"));
        });
        assertThat(new JdbcTemplate(dataSource).queryForList("select line, field, reason from quarantine order by id"))
                .extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactly("null null the whole file was refused: empty file", "3 null the quoting is broken");
    }

    @Test
    void aSavepointUndoesOnlyItsOwnWritesAndTheTransactionGoesOn() {
        Customer acme = new Customer(new CustomerKey("csv", "C1"), "Acme", Optional.empty(), Optional.empty(),
                Locale.ENGLISH, ZoneId.of("Europe/Berlin"), null);
        db.inTransaction(() -> {
            db.underSavepoint(() -> ledger.upsertCustomer(acme));
            assertThatThrownBy(() -> db.underSavepoint(() -> {
                ledger.upsertCustomer(new Customer(new CustomerKey("csv", "C2"), "Beta", Optional.empty(), Optional.empty(),
                        Locale.ENGLISH, ZoneId.of("Europe/Berlin"), null));
                return db.jdbc().update("insert into quarantine (stage, origin, reason, fingerprint, created_at)"
                        + " values ('x', 'y', 'z', 'f', now()), ('x', 'y', 'z', 'f', now())");
            })).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            ledger.quarantine("ingest", new Rejection("ledger.csv", 2, null, "after the failed savepoint", ""));
        });
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("select external_id from customer", String.class)).containsExactly("C1");
        assertThat(jdbc.queryForList("select reason from quarantine", String.class)).containsExactly("after the failed savepoint");
    }

    private Notice notice(String step, long... itemIds) {
        List<NoticeLine> lines = new java.util.ArrayList<>();
        for (long id : itemIds) {
            lines.add(new NoticeLine(id, "INV-" + id, step, 0, Money.of("100.00", "EUR"), Optional.empty()));
        }
        long customerId = new JdbcTemplate(dataSource).queryForObject("select id from customer", Long.class);
        return new Notice(customerId, Channel.EMAIL, "reminder-due", step, lines, DAY, DAY.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC),
                "why", java.util.Map.of("policy", "default v1"), 0);
    }

    @Test
    void storesANoticeWithOneActionPerItemAndNeverTheSameItemAndStepTwice() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        ledger.upsertItem(record("2", "100"), "RF18INV2");
        long one = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long two = ledger.find(new OpenItemKey("csv", "2")).orElseThrow().id();
        assertThat(notices.insert(notice("due-email", one, two), "default", "1", "{}")).isPresent();
        assertThat(notices.insert(notice("due-email", two), "default", "1", "{}")).isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from notice", Integer.class)).isEqualTo(1);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from action", Integer.class)).isEqualTo(2);
        List<CustomerCase> cases = db.inTransaction(() -> dunning.openCases(DAY));
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.items())
                .allSatisfy(i -> assertThat(i.stepsDone()).containsExactly("due-email")));
    }

    @Test
    void aPlannerLocksTheItemsOfACustomerBeforeWritingItsNotices() throws Exception {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        ledger.upsertItem(record("2", "100"), "RF18INV2");
        long one = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long two = ledger.find(new OpenItemKey("csv", "2")).orElseThrow().id();
        try (java.sql.Connection other = dataSource.getConnection(); java.sql.Statement s = other.createStatement()) {
            db.inTransaction(() -> {
                notices.lockItems(List.of(two, one));
                assertThatThrownBy(() -> s.execute("select 1 from open_item where id = " + one + " for no key update nowait"))
                        .hasMessageContaining("could not obtain lock");
                assertThatThrownBy(() -> s.execute("select 1 from open_item where id = " + two + " for no key update nowait"))
                        .hasMessageContaining("could not obtain lock");
            });
            // once the planner's transaction ends, the items are free again
            s.execute("select 1 from open_item where id = " + one + " for no key update nowait");
        }
    }

    @Test
    void aBouncedStepCanBePlannedAgainOnTheNextChannel() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long one = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long id = notices.insert(notice("due-email", one), "default", "1", "{}").orElseThrow();
        notices.handOver(new NoticeId(id));
        notices.complete(new NoticeId(id), NoticeEvent.FAIL, "mailbox unknown");
        assertThat(notices.insert(notice("due-email", one), "default", "1", "{}")).isPresent();
        CustomerCase c = db.inTransaction(() -> dunning.openCases(DAY)).get(0);
        assertThat(c.log().lastBounce()).containsKey(Channel.EMAIL);
    }

    @Test
    void aReplayedMoveChangesNothingAndAMoveTheTableRefusesIsATypedError() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long item = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        NoticeId notice = new NoticeId(notices.insert(notice("due-email", item), "default", "1", "{}").orElseThrow());
        ReceiptId receipt = receipts.insertIfNew(new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, "RF18INV1", "",
                null, null, "st.xml")).orElseThrow();

        assertThatThrownBy(() -> notices.complete(notice, NoticeEvent.SEND, "<m1@mail>")).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("event SEND is not allowed in state PLANNED");
        assertThat(notices.handOver(notice)).isTrue();
        assertThat(notices.complete(notice, NoticeEvent.SEND, "<m1@mail>")).isTrue();
        assertThat(notices.complete(notice, NoticeEvent.SEND, "<m1@mail>")).isFalse();
        assertThat(notices.handOver(notice)).isFalse();
        assertThatThrownBy(() -> notices.deferred(notice, "try later")).isInstanceOf(IllegalTransition.class)
                .hasMessage("notice " + notice + ": event DEFER is not allowed in state SENT (allowed there: [UNDELIVERED])");
        assertThat(new JdbcTemplate(dataSource).queryForList("select status from action", String.class)).containsExactly("SENT");
        // the provider reports it undelivered (twice): the notice and its action fail once, with the reason
        assertThat(notices.undelivered(notice, "undelivered (twilio error 30003)")).isTrue();
        assertThat(notices.undelivered(notice, "undelivered (twilio error 30003)")).isFalse();
        assertThat(new JdbcTemplate(dataSource).queryForList("select status || ' ' || outcome from action", String.class))
                .containsExactly("FAILED undelivered (twilio error 30003)");
        assertThat(receipts.settle(receipt, ReceiptEvent.LEAVE_UNMATCHED, "no reference")).isTrue();
        assertThat(receipts.settle(receipt, ReceiptEvent.LEAVE_UNMATCHED, "no reference")).isFalse();
        assertThatThrownBy(() -> receipts.settle(receipt, ReceiptEvent.ALLOCATE_FULLY, "reference"))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void loadsHoldsPromisesPlansOptOutsAndOverridesForTheEngine() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long item = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long customer = ledger.get(item).customerId();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into hold (customer_id, item_id, kind, reason, since, created_by, created_at) values (?, ?, 'DISPUTE', 'damaged', ?, 'ana', now())",
                customer, item, DAY);
        jdbc.update("insert into promise_to_pay (item_id, promised_for, currency, amount, open_when_promised, created_by, created_at) values (?, ?, 'EUR', 50, 100, 'ana', now())",
                item, DAY.plusDays(5));
        long plan = jdbc.queryForObject("insert into payment_plan (item_id, currency, open_when_agreed, created_by, created_at) values (?, 'EUR', 100, 'ana', now()) returning id",
                Long.class, item);
        jdbc.update("insert into instalment (plan_id, seq, due, amount) values (?, 1, ?, 50), (?, 2, ?, 50)", plan, DAY.plusDays(10), plan, DAY.plusDays(40));
        jdbc.update("insert into opt_out (customer_id, channel, created_at) values (?, 'SMS', now())", customer);
        jdbc.update("insert into manual_override (item_id, kind, step_key, on_date, created_by, created_at) values (?, 'SKIP_STEP', 'due-email', ?, 'ana', now())", item, DAY);

        CustomerCase c = db.inTransaction(() -> dunning.openCases(DAY)).get(0);
        assertThat(c.customer().optedOut()).containsExactly(Channel.SMS);
        assertThat(c.customer().reachable()).contains(Channel.EMAIL).doesNotContain(Channel.SMS);
        DunningItem r = c.items().get(0);
        assertThat(r.holds()).singleElement().satisfies(h -> assertThat(h.kind()).isEqualTo(Hold.Kind.DISPUTE));
        assertThat(r.promise().orElseThrow().amount()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(r.plan().orElseThrow().instalments()).hasSize(2);
        assertThat(r.overrides()).singleElement().satisfies(o -> assertThat(o.stepKey()).isEqualTo("due-email"));
    }

    @Test
    void twoDispatchersNeverClaimTheSameNotice() throws Exception {
        for (int i = 1; i <= 4; i++) {
            ledger.upsertItem(record(String.valueOf(i), "100"), "RF18INV" + i);
            notices.insert(notice("due-email", ledger.find(new OpenItemKey("csv", String.valueOf(i))).orElseThrow().id()), "default", "1", "{}");
        }
        java.time.Instant now = DAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<NoticeId> first = CompletableFuture.supplyAsync(() -> db.inTransaction(() -> {
            NoticeId claimed = notices.claimNext(now, 0).orElseThrow().noticeId();
            firstHoldsLock.countDown();
            await(secondDone);
            return claimed;
        }));
        await(firstHoldsLock);
        NoticeId second = db.inTransaction(() -> notices.claimNext(now, 0).orElseThrow().noticeId());
        secondDone.countDown();
        assertThat(second).isNotEqualTo(first.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aNoticeBeingSentIsNotTakenForAnInterruptedOneButIsOnceItsSenderIsGone() throws Exception {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        NoticeId notice = new NoticeId(notices.insert(notice("due-email", ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id()),
                "default", "1", "{}").orElseThrow());
        db.inTransaction(() -> notices.handOver(notice));
        CountDownLatch senderHoldsLock = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        CompletableFuture<Boolean> sender = CompletableFuture.supplyAsync(() -> db.inTransaction(() -> {
            boolean locked = notices.lockHandedOver(notice);
            senderHoldsLock.countDown();
            await(looked);
            return locked;
        }));
        await(senderHoldsLock);
        assertThat(db.inTransaction(() -> notices.claimInterrupted(0))).isEmpty();
        looked.countDown();
        assertThat(sender.get(30, TimeUnit.SECONDS)).isTrue();

        // the sender's transaction ended without an outcome, as a process killed mid-send: now it is found
        assertThat(db.inTransaction(() -> notices.claimInterrupted(0))).hasValueSatisfying(c -> {
            assertThat(c.noticeId()).isEqualTo(notice);
            assertThat(c.interrupted()).isTrue();
        });
        assertThat(db.inTransaction(() -> notices.claimNext(DAY.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 0))).isEmpty();
    }

    @Test
    void sqlAndJavaAgreeOnWhichActionStatusesTakeAStep() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (NoticeStatus status : NoticeStatus.values()) {
            assertThat(jdbc.queryForObject("select recoup_action_takes_step(?)", Boolean.class, status.name()))
                    .as(status.name()).isEqualTo(status.takesTheStep());
        }
    }

    @Test
    void aReversalNotPostedYetKeepsTheItemOpenWhenTheLedgerStillReportsItPaid() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        long itemId = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        ReceiptId receiptId = receipts.insertIfNew(new NewReceipt("bank", "E1", Money.of("100", "EUR"), DAY, DAY, "RF18INV1", "",
                null, null, "st.xml")).orElseThrow();
        receipts.allocate(receiptId, itemId, Money.of("100", "EUR"), "test");
        ledger.applyAllocation(itemId, Money.of("100", "EUR"));
        receipts.claimPendingPostings(10).forEach(p -> receipts.markPosted(p.postingId(), "batch-1"));
        // the payment came back: Recoup reopens the item and queues the reversal, which the ledger has not seen yet
        ledger.reopen(itemId, Money.of("100", "EUR"));
        assertThat(receipts.reversePosting("bank", "E1")).isPresent();

        assertThat(ledger.upsertItem(record("1", "0"), "RF18INV1")).isEqualTo(LedgerRepository.Upsert.UPDATED);

        assertThat(ledger.get(itemId).open()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(ledger.get(itemId).status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void allocationsAppliedTogetherAddUpPerItemAndEachSeesWhatTheEarlierOnesLeft() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        ledger.upsertItem(record("2", "100"), "RF18INV2");
        long first = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long second = ledger.find(new OpenItemKey("csv", "2")).orElseThrow().id();

        List<StoredItem> after = db.inTransaction(() -> ledger.applyAllocations(List.of(
                new LedgerRepository.ItemAllocation(first, Money.of("30", "EUR")),
                new LedgerRepository.ItemAllocation(second, Money.of("100", "EUR")),
                new LedgerRepository.ItemAllocation(first, Money.of("70", "EUR")))));

        assertThat(after).extracting(i -> i.number() + " " + i.open() + " " + i.status())
                .containsExactly("INV-1 EUR 70.00 OPEN", "INV-2 EUR 0.00 PAID", "INV-1 EUR 0.00 PAID");
        assertThat(ledger.get(first).status()).isEqualTo(ItemStatus.PAID);
        assertThat(ledger.get(second).open()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void allocationsThatExceedAnItemTogetherAreRefusedNamingItAndChangeNothing() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        ledger.upsertItem(record("2", "100"), "RF18INV2");
        long first = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long second = ledger.find(new OpenItemKey("csv", "2")).orElseThrow().id();

        assertThatThrownBy(() -> db.inTransaction(() -> ledger.applyAllocations(List.of(
                new LedgerRepository.ItemAllocation(first, Money.of("10", "EUR")),
                new LedgerRepository.ItemAllocation(second, Money.of("60", "EUR")),
                new LedgerRepository.ItemAllocation(second, Money.of("60", "EUR"))))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("csv:2");
        assertThatThrownBy(() -> db.inTransaction(() -> ledger.applyAllocations(List.of(
                new LedgerRepository.ItemAllocation(first, Money.of("10", "USD"))))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("csv:1");
        assertThat(ledger.get(first).open()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(ledger.get(second).open()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void theAccountAnAllocatedPaymentCameFromBecomesAPayerIbanOfTheItemsCustomerOnce() {
        ledger.upsertItem(record("1", "100"), "RF18INV1");
        ledger.upsertItem(record("2", "100"), "RF18INV2");
        long first = ledger.find(new OpenItemKey("csv", "1")).orElseThrow().id();
        long second = ledger.find(new OpenItemKey("csv", "2")).orElseThrow().id();
        ReceiptId byHand = receipts.insertIfNew(new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, null, "", "ACME",
                "DE89370400440532013000", "st.xml")).orElseThrow();
        ReceiptId matched = receipts.insertIfNew(new NewReceipt("bank", "E2", Money.of("40", "EUR"), DAY, DAY, null, "", "ACME",
                "DE89370400440532013000", "st.xml")).orElseThrow();
        ReceiptId anonymous = receipts.insertIfNew(new NewReceipt("bank", "E3", Money.of("5", "EUR"), DAY, DAY, null, "", null,
                null, "st.xml")).orElseThrow();
        assertThat(ledger.payerIbans()).isEmpty();

        db.inTransaction(() -> {
            receipts.allocate(byHand, first, Money.of("30", "EUR"), "by hand");
            receipts.settleAll(List.of(new ReceiptRepository.Settlement(matched, ReceiptEvent.ALLOCATE_FULLY, "RF reference",
                    List.of(new ReceiptRepository.NewAllocation(second, Money.of("40", "EUR"), "RF reference"))),
                    new ReceiptRepository.Settlement(anonymous, ReceiptEvent.ALLOCATE_FULLY, "amount",
                            List.of(new ReceiptRepository.NewAllocation(second, Money.of("5", "EUR"), "amount")))));
        });

        assertThat(ledger.payerIbans()).containsExactly(Map.entry("csv:C1", Set.of("DE89370400440532013000")));
        assertThat(new JdbcTemplate(dataSource).queryForList("select origin from customer_iban", String.class))
                .containsExactly("PAYMENT");
    }

    @Test
    void receiptsAreKeyedByProviderIdAndCannotBeOverAllocated() {
        NewReceipt receipt = new NewReceipt("bank", "E1", Money.of("30", "EUR"), DAY, DAY, "RF18INV1", "", null, null, "st.xml");
        ReceiptId id = receipts.insertIfNew(receipt).orElseThrow();
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
