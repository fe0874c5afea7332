package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.MandateCollector;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.provider.ProviderMandates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Items of customers with an active GoCardless mandate collected against it, in PostgreSQL, the provider's side played
 * by an in-test collector that records what it was asked.
 */
class ProviderCollectingIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private Database db;
    private LedgerRepository ledger;
    private final List<MandateCollector.CollectionRequest> asked = new ArrayList<>();
    private Function<MandateCollector.CollectionRequest, MandateCollector.CollectedPayment> answer;

    @BeforeEach
    void freshDatabase() {
        db = new Database(TestDatabase.fresh(), MutableClock.at(DAY));
        ledger = new LedgerRepository(db);
        answer = r -> new MandateCollector.CollectedPayment("PM-" + r.item().externalId(), "pending_submission", DAY.plusDays(4));
    }

    private ProviderCollecting collecting() {
        MandateCollector gocardless = new MandateCollector() {
            @Override
            public String provider() {
                return "gocardless";
            }

            @Override
            public CollectedPayment collect(CollectionRequest request) {
                asked.add(request);
                return answer.apply(request);
            }
        };
        return new ProviderCollecting(db, List.of(gocardless), db.clock());
    }

    private long item(String customer, String id, LocalDate due) {
        CustomerKey key = new CustomerKey("csv", customer);
        ledger.upsertItem(new LedgerRecord(new Customer(key, "Customer " + customer, Optional.of("a@example.com"), Optional.empty(),
                Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b"), new OpenItem(new OpenItemKey("csv", id), key, id,
                DAY.minusDays(20), due, Money.of("100.00", "EUR"), Money.of("100.00", "EUR"))), "RF18" + id.replace("-", ""));
        return ledger.find(new OpenItemKey("csv", id)).orElseThrow().id();
    }

    private void mandate(long itemId, String status) {
        new ProviderMandates(db).record("gocardless", "MD1", ledger.get(itemId).customerId(), status, status, "EV1");
    }

    private List<String> rows() {
        return db.jdbc().queryForList("select i.external_id || ' ' || k.status || ' ' || coalesce(k.payment_id, '-') || ' '"
                + " || k.idempotency_key from provider_collection k join open_item i on i.id = k.item_id order by k.id", String.class);
    }

    private List<String> logged() {
        return db.jdbc().queryForList("select entity_id || ': ' || what || ' (' || why || ')' from event_log"
                + " where actor = 'direct-debit' order by id", String.class);
    }

    @Test
    void collectsEachDueItemOfAnActiveMandateOnceWithItsKeyAndBlocksItsReminders() {
        long due = item("C1", "INV-1", DAY);
        item("C1", "INV-2", DAY.plusDays(10));
        long noMandate = item("C2", "INV-3", DAY);
        mandate(due, "active");

        ProviderCollecting.Report report = collecting().collect();
        collecting().collect();

        assertThat(report.submitted()).containsExactly("INV-1: PM-INV-1 on 2026-03-06");
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.mandateId()).isEqualTo("MD1");
            assertThat(r.amount()).isEqualTo(Money.of("100.00", "EUR"));
            assertThat(r.idempotencyKey()).isEqualTo("recoup-item-csv-INV-1-1");
        });
        assertThat(rows()).containsExactly("INV-1 SUBMITTED PM-INV-1 recoup-item-csv-INV-1-1");
        assertThat(db.jdbc().queryForObject("select count(*) from hold where item_id = ? and released_at is null", Long.class, due))
                .isOne();
        assertThat(db.jdbc().queryForObject("select count(*) from hold where item_id = ?", Long.class, noMandate)).isZero();
        assertThat(logged()).containsExactly("csv:INV-1: gocardless payment PM-INV-1 created: EUR 100.00 to be charged on 2026-03-06"
                + " (the customer has the active gocardless mandate MD1)");
    }

    @Test
    void aProviderThatCannotBeAskedIsAskedAgainNextRunWithTheSameKey() {
        mandate(item("C1", "INV-1", DAY), "active");
        answer = r -> {
            throw new ProviderUnavailable("gocardless", "POST /payments failed: timeout", null);
        };

        assertThat(collecting().collect().waiting()).containsExactly("gocardless: POST /payments failed: timeout");
        assertThat(rows()).containsExactly("INV-1 REQUESTED - recoup-item-csv-INV-1-1");

        answer = r -> new MandateCollector.CollectedPayment("PM1", "pending_submission", DAY.plusDays(4));
        collecting().collect();

        assertThat(asked).extracting(MandateCollector.CollectionRequest::idempotencyKey)
                .containsExactly("recoup-item-csv-INV-1-1", "recoup-item-csv-INV-1-1");
        assertThat(rows()).containsExactly("INV-1 SUBMITTED PM1 recoup-item-csv-INV-1-1");
    }

    @Test
    void aRefusalForGoodEndsTheCollectionWithItsReasonAndGivesTheItemBackToThePolicy() {
        long item = item("C1", "INV-1", DAY);
        mandate(item, "active");
        answer = r -> {
            throw new MandateCollector.CollectionRefused("gocardless", "POST /payments answered 422 invalid_state (mandate_is_inactive)",
                    null);
        };

        assertThat(collecting().collect().refused()).singleElement().asString().contains("mandate_is_inactive");
        assertThat(rows()).containsExactly("INV-1 REFUSED - recoup-item-csv-INV-1-1");
        assertThat(db.jdbc().queryForObject("select count(*) from hold where item_id = ? and released_at is null", Long.class, item))
                .isZero();
        assertThat(collecting().collect().submitted()).as("not charged again on its own").isEmpty();
        assertThat(logged()).singleElement().asString().startsWith("csv:INV-1: gocardless refused to collect against mandate MD1 (")
                .contains("mandate_is_inactive").endsWith("the item goes back to the dunning policy)");
    }
}
