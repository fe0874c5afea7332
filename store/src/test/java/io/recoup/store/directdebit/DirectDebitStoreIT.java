package io.recoup.store.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.dunning.Pauses;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.lifecycle.IllegalTransition;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.provider.ProviderCollections;
import io.recoup.store.provider.ProviderMandates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class DirectDebitStoreIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String CI = "DE98ZZZ09999999999";

    private JdbcTemplate jdbc;
    private Database db;
    private LedgerRepository ledger;
    private MandateRepository mandates;
    private CollectionRepository collections;
    private Pain008FileRepository files;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        db = new Database(dataSource, MutableClock.at(DAY));
        ledger = new LedgerRepository(db);
        mandates = new MandateRepository(db);
        collections = new CollectionRepository(db);
        files = new Pain008FileRepository(db);
    }

    private long item(String customer, String id, String email, LocalDate due, String open) {
        CustomerKey key = new CustomerKey("csv", customer);
        ledger.upsertItem(new LedgerRecord(new Customer(key, "Customer " + customer, Optional.ofNullable(email), Optional.empty(),
                Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b"), new OpenItem(new OpenItemKey("csv", id), key, "INV-" + id,
                DAY.minusDays(20), due, Money.of("100.00", "EUR"), Money.of(open, "EUR"))), "RF18INV" + id);
        return ledger.find(new OpenItemKey("csv", id)).orElseThrow().id();
    }

    private static MandateRow mandate(String reference, String state) {
        return new MandateRow(CI, reference, "Debtor " + reference, "DE89370400440532013000", null, DAY.minusMonths(1),
                "CORE", "RECURRENT", state, null, null, null);
    }

    private long mandateFor(long itemId, String reference, String state) {
        return mandates.insert(ledger.get(itemId).customerId(), mandate(reference, state));
    }

    @Test
    void storesAMandateWithAmendmentAndAddressAndKeepsTheReferenceUniquePerCreditor() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        MandateRow amended = new MandateRow(CI, "M-2", "Debtor", "DE89370400440532013000", "COBADEFFXXX", DAY.minusYears(1),
                "B2B", "RECURRENT", "AMENDED", DAY.minusMonths(2), new MandateRow.Amendment("M-1", null, "DE02120300000000202051", true),
                new MandateRow.Address("Hauptstr.", "1", "10115", "Berlin", "DE"));
        long id = mandates.insert(ledger.get(item).customerId(), amended);

        assertThat(mandates.get(id).values()).isEqualTo(amended);
        assertThat(mandates.find(CI, "M-2")).get().extracting(StoredMandate::id).isEqualTo(id);
        assertThatThrownBy(() -> mandates.insert(ledger.get(item).customerId(), mandate("M-2", "ACTIVE")))
                .isInstanceOf(DuplicateKeyException.class);

        MandateRow collected = new MandateRow(CI, "M-2", "Debtor", "DE89370400440532013000", "COBADEFFXXX", DAY.minusYears(1),
                "B2B", "RECURRENT", "ACTIVE", DAY, null, amended.address());
        mandates.update(id, collected);
        assertThat(db.inTransaction(() -> mandates.getForUpdate(id)).values()).isEqualTo(collected);
    }

    @Test
    void offersOnlyItemsDueSoonWhoseCustomerHasAUsableMandateAnEmailAndNothingHoldingThem() {
        long due = item("C1", "1", "a@example.com", DAY.plusDays(14), "100");
        mandateFor(due, "M-1", "ACTIVE");
        long later = item("C1", "2", "a@example.com", DAY.plusDays(15), "100");
        long noMandate = item("C2", "3", "b@example.com", DAY, "100");
        long cancelled = item("C3", "4", "c@example.com", DAY, "100");
        mandateFor(cancelled, "M-3", "CANCELLED");
        long noEmail = item("C4", "5", null, DAY, "100");
        mandateFor(noEmail, "M-4", "ACTIVE");
        long disputed = item("C5", "6", "e@example.com", DAY, "100");
        mandateFor(disputed, "M-5", "ACTIVE");
        jdbc.update("insert into hold (customer_id, item_id, kind, reason, since, created_by, created_at) "
                + "values (?, ?, 'DISPUTE', 'damaged', ?, 'ana', now())", ledger.get(disputed).customerId(), disputed, DAY);
        long paid = item("C6", "7", "f@example.com", DAY, "0");
        mandateFor(paid, "M-6", "ACTIVE");

        List<DirectDebitCandidate> candidates = collections.candidates(DAY.plusDays(14));
        assertThat(candidates).extracting(DirectDebitCandidate::itemId).containsExactly(disputed, due);
        assertThat(candidates.get(0).itemHolds()).singleElement().hasToString("dispute since " + DAY + ": damaged");
        // the pause rule itself is the core's
        assertThat(candidates).filteredOn(c -> Pauses.keepsFromDirectDebit(c.open(), c.itemHolds(), c.customerHolds(),
                c.promise(), c.planAgreed(), DAY).isEmpty()).extracting(DirectDebitCandidate::itemId).containsExactly(due);
    }

    @Test
    void leavesACustomerWithAnActiveGoCardlessMandateToGoCardlessAndTakesThemBackOnceItEnds() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        mandateFor(item, "M-1", "ACTIVE");
        ProviderMandates provider = new ProviderMandates(db);
        long customer = ledger.get(item).customerId();
        assertThat(provider.customer("csv", "C1")).contains(customer);

        provider.record("gocardless", "MD1", customer, "active", "mandate MD1 active", "EV1");
        assertThat(collections.candidates(DAY)).isEmpty();
        assertThat(provider.hasActive("gocardless", customer)).isTrue();

        provider.record("gocardless", "MD1", customer, "cancelled", "mandate MD1 cancelled", "EV2");
        assertThat(collections.candidates(DAY)).extracting(DirectDebitCandidate::itemId).containsExactly(item);
        assertThat(provider.status("gocardless", "MD1")).contains("cancelled");
    }

    @Test
    void offersItemsOfActiveProviderMandatesOnceEachAndMovesTheirCollectionsAlongTheLifecycle() {
        long due = item("C1", "1", "a@example.com", DAY, "100");
        long later = item("C1", "2", "a@example.com", DAY.plusDays(30), "100");
        long disputed = item("C1", "3", "a@example.com", DAY, "100");
        jdbc.update("insert into hold (customer_id, item_id, kind, reason, since, created_by, created_at) "
                + "values (?, ?, 'DISPUTE', 'damaged', ?, 'ana', now())", ledger.get(disputed).customerId(), disputed, DAY);
        long otherCustomer = item("C2", "4", "b@example.com", DAY, "100");
        ProviderMandates provider = new ProviderMandates(db);
        provider.record("gocardless", "MD1", ledger.get(due).customerId(), "active", "active", "EV1");
        provider.record("gocardless", "MD2", ledger.get(otherCustomer).customerId(), "pending_submission", "created", "EV2");
        ProviderCollections paying = new ProviderCollections(db);

        List<ProviderCollections.Candidate> candidates = paying.candidates("gocardless", DAY);
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.itemId()).isEqualTo(due);
            assertThat(c.mandateId()).isEqualTo("MD1");
            assertThat(c.attempt()).isOne();
        });
        long id = paying.insertRequested("gocardless", candidates.get(0), "recoup-item-csv-1-1").orElseThrow();
        assertThat(paying.insertRequested("gocardless", candidates.get(0), "recoup-item-csv-1-1b")).isEmpty();
        assertThat(paying.candidates("gocardless", DAY)).isEmpty();
        assertThat(paying.requested("gocardless")).extracting(ProviderCollections.Stored::idempotencyKey)
                .containsExactly("recoup-item-csv-1-1");

        assertThat(paying.markSubmitted(id, "PM1", DAY.plusDays(3))).isTrue();
        assertThat(paying.requested("gocardless")).isEmpty();
        ProviderCollections.Stored stored = db.inTransaction(() -> paying.byPayment("gocardless", "PM1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(io.recoup.core.lifecycle.ProviderCollectionStatus.SUBMITTED);
        assertThat(paying.move(id, io.recoup.core.lifecycle.ProviderCollectionEvent.PAY, null)).isTrue();
        assertThat(paying.move(id, io.recoup.core.lifecycle.ProviderCollectionEvent.PAY, null)).as("a second confirmation").isFalse();
        assertThat(paying.move(id, io.recoup.core.lifecycle.ProviderCollectionEvent.FAIL, "charged back")).isTrue();
        assertThat(paying.markSubmitted(id, "PM2", DAY)).as("a replayed submission of a collection that moved on").isFalse();
        assertThat(db.inTransaction(() -> paying.byPayment("gocardless", "PM1"))).isPresent();
        assertThat(paying.candidates("gocardless", DAY)).as("a failed collection goes back to the reminders").isEmpty();
    }

    @Test
    void aFirstAttemptGetsItsEndToEndIdFromItsOwnIdAndAnItemIsInOneLiveCollectionOnly() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        long mandate = mandateFor(item, "M-1", "ACTIVE");
        long id = collections.insertPlanned(item, mandate, Money.of("100", "EUR"), DAY.plusDays(14), 1, null, null).orElseThrow();

        assertThat(collections.get(id).endToEndId()).isEqualTo("RCP-C" + id + "-1");
        assertThat(collections.insertPlanned(item, mandate, Money.of("100", "EUR"), DAY.plusDays(14), 1, null, null)).isEmpty();
        assertThat(collections.candidates(DAY.plusDays(30))).isEmpty();

        assertThat(collections.move(id, CollectionEvent.WITHDRAW, null, "paid", null)).isTrue();
        assertThat(collections.move(id, CollectionEvent.WITHDRAW, null, "again", null)).isFalse();
        long second = collections.insertPlanned(item, mandate, Money.of("100", "EUR"), DAY.plusDays(20), 2, id, "RCP-C" + id + "-2")
                .orElseThrow();
        StoredCollection stored = collections.get(second);
        assertThat(stored.endToEndId()).isEqualTo("RCP-C" + id + "-2");
        assertThat(stored.representsId()).isEqualTo(id);
        assertThat(stored.email()).contains("a@example.com");
        assertThat(jdbc.queryForObject("select reason from collection where id = ?", String.class, id)).isEqualTo("paid");
    }

    @Test
    void movesACollectionThroughItsStatesOnlyFromTheStatesNamed() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        long id = collections.insertPlanned(item, mandateFor(item, "M-1", "ACTIVE"), Money.of("100", "EUR"), DAY.plusDays(14), 1,
                null, null).orElseThrow();
        assertThatThrownBy(() -> collections.markSubmitted(id, 1, "f.xml", "P1", "FRST")).isInstanceOf(IllegalTransition.class)
                .hasMessage("collection " + id + ": event SUBMIT is not allowed in state PLANNED (allowed there: [PRE_NOTIFY, WITHDRAW])");
        assertThat(collections.get(id).status()).isEqualTo(CollectionStatus.PLANNED);
        assertThat(collections.markPreNotified(id, DAY.plusDays(15), DAY, "<pn@recoup>")).isTrue();
        assertThat(collections.preNotifiedUpTo(DAY.plusDays(15))).extracting(StoredCollection::id).containsExactly(id);
        long file = files.insert("f.xml", "RCP-D20260302-1", "pain.008.001.08", 1, new BigDecimal("100.00"), DAY, "<Document/>");
        assertThat(collections.markSubmitted(id, file, "f.xml", "RCP-D20260302-1-P1", "FRST")).isTrue();
        assertThat(collections.inFile("RCP-D20260302-1")).extracting(StoredCollection::sequenceType).containsExactly("FRST");
        assertThat(collections.inPaymentBlock("RCP-D20260302-1", "RCP-D20260302-1-P1")).hasSize(1);
        assertThat(collections.inPaymentBlock("RCP-D20260302-2", "RCP-D20260302-1-P1")).isEmpty();
        assertThat(collections.presentedBefore(DAY.plusDays(15))).isEmpty();
        assertThat(collections.presentedBefore(DAY.plusDays(16))).extracting(StoredCollection::id).containsExactly(id);

        assertThat(db.inTransaction(() -> collections.findForUpdate("RCP-C" + id + "-1"))).get()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CollectionStatus.SUBMITTED));
        assertThat(collections.move(id, CollectionEvent.REJECT, "AC04", "AC04: account closed",
                "STOP_MANDATE_AND_OFFER_PAYMENT_LINK")).isTrue();
        assertThat(collections.move(id, CollectionEvent.REJECT, "AC04", "again", null)).isFalse();
        assertThat(jdbc.queryForMap("select status, reason_code, reason, action from collection where id = ?", id))
                .containsEntry("status", "REJECTED").containsEntry("reason_code", "AC04")
                .containsEntry("reason", "AC04: account closed").containsEntry("action", "STOP_MANDATE_AND_OFFER_PAYMENT_LINK");
    }

    @Test
    void blocksDunningWhileCollectingReleasesTheBlockAndReopensAnItemByWhatWasTakenBack() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        long customer = ledger.get(item).customerId();
        collections.holdItem(customer, item, "SEPA direct debit", DAY);
        collections.holdItem(customer, item, "SEPA direct debit", DAY);
        assertThat(jdbc.queryForObject("select count(*) from hold where released_at is null", Integer.class)).isEqualTo(1);
        collections.releaseHold(item);
        assertThat(jdbc.queryForObject("select count(*) from hold where released_at is null", Integer.class)).isZero();

        ledger.applyAllocation(item, Money.of("100", "EUR"));
        assertThat(ledger.get(item).status()).isEqualTo(ItemStatus.PAID);
        ledger.reopen(item, Money.of("100", "EUR"));
        assertThat(ledger.get(item).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(ledger.get(item).open()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void keepsAReviewPerCollectionAndTheFileOutboxUntilWritten() {
        long item = item("C1", "1", "a@example.com", DAY, "100");
        long id = collections.insertPlanned(item, mandateFor(item, "M-1", "ACTIVE"), Money.of("100", "EUR"), DAY.plusDays(14), 1,
                null, null).orElseThrow();
        collections.addReview(id, item, "XY99", "XY99: no rule for this code");
        collections.addReview(id, item, "XY99", "XY99: no rule for this code");
        assertThat(jdbc.queryForObject("select count(*) from collection_review where resolved_at is null", Integer.class)).isEqualTo(1);

        long first = files.nextMessageNumber();
        assertThat(files.nextMessageNumber()).isEqualTo(first + 1);
        long file = files.insert("a.xml", "RCP-D20260302-1", "pain.008.001.08", 1, new BigDecimal("100.00"), DAY, "<Document/>");
        assertThat(db.inTransaction(() -> files.claimPending())).extracting(Pain008FileRepository.PendingFile::fileName)
                .containsExactly("a.xml");
        files.markWritten(file);
        assertThat(db.inTransaction(() -> files.claimPending())).isEmpty();
    }
}
