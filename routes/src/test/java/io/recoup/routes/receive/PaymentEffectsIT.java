package io.recoup.routes.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.store.Database;
import io.recoup.store.Installation;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.ReceiptRepository;
import io.recoup.store.provider.ProviderCollections;
import io.recoup.store.provider.ProviderMandates;
import io.recoup.store.receive.ProviderEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider events taking effect through the worker against PostgreSQL: the effects are given directly by a reader
 * keyed on the event's body, so each test says exactly what the provider told us.
 */
class PaymentEffectsIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private Database db;
    private ProviderEvents events;
    private LedgerRepository ledger;
    private final Map<String, PaymentEffect> effects = new HashMap<>();
    /** What the provider answers when asked for an object as it is now, by object id. */
    private final Map<String, PaymentEffect.AsOf> atProvider = new HashMap<>();
    private ProviderEventProcessing worker;

    private HikariDataSource pooled;

    @AfterEach
    void closePool() {
        pooled.close();
    }

    @BeforeEach
    void freshDatabase() {
        // pooled as in the application: eight workers on unpooled connections would measure connection start-up
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(TestDatabase.fresh());
        pool.setMaximumPoolSize(10);
        pooled = new HikariDataSource(pool);
        db = new Database(pooled, MutableClock.at(DAY));
        new Installation(db);
        events = new ProviderEvents(db);
        ledger = new LedgerRepository(db);
        ProviderEventReader reader = new ProviderEventReader() {
            @Override
            public PaymentEffect read(ProviderEvent event) {
                return effects.get(new String(event.payload(), StandardCharsets.UTF_8));
            }

            @Override
            public Optional<PaymentEffect.AsOf> current(PaymentEffect.AsOf stale, Instant now) {
                return Optional.ofNullable(atProvider.get(stale.objectId()))
                        .map(s -> new PaymentEffect.AsOf(s.objectId(), s.state(), now, s.effect()));
            }
        };
        worker = new ProviderEventProcessing(db, events, Map.of("stripe", reader),
                PaymentEffects.create(db, db.clock()));
        item("INV-1", "100.00");
        item("INV-2", "19.50");
    }

    private void item(String id, String open) {
        Customer customer = new Customer(new CustomerKey("csv", "C1"), "Customer 1", Optional.empty(), Optional.empty(),
                Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b");
        Money amount = Money.of(new BigDecimal(open), Money.currencyOf("EUR"));
        ledger.upsertItem(new LedgerRecord(customer, new OpenItem(new OpenItemKey("csv", id), customer.key(), id, DAY.minusDays(30),
                DAY, amount, amount)), "RF18" + id.replace("-", ""));
    }

    private static PaymentEffect.ItemShare share(String id, String amount) {
        return new PaymentEffect.ItemShare(new OpenItemKey("csv", id), Money.of(amount, "EUR"));
    }

    private static PaymentEffect.Paid paid(String paymentId, String amount, PaymentEffect.ItemShare... items) {
        return new PaymentEffect.Paid(paymentId, Money.of(amount, "EUR"), "77", List.of(items), Instant.parse("2026-03-02T10:00:00Z"));
    }

    private void deliver(String eventId, PaymentEffect effect) {
        effects.put(eventId, effect);
        events.record(new ProviderEvent("stripe", eventId, "test", Instant.EPOCH, eventId.getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String sql, Object... args) {
        return db.jdbc().queryForObject(sql, Long.class, args);
    }

    private String open(String id) {
        return ledger.find(new OpenItemKey("csv", id)).orElseThrow().open().toString();
    }

    @Test
    void aPaymentAndItsSecondEventMakeOneReceiptThatPaysTheNamedItemsAndIsPostedOnce() {
        deliver("evt_completed", paid("pi_1", "119.50", share("INV-1", "100.00"), share("INV-2", "19.50")));
        deliver("evt_async", paid("pi_1", "119.50", share("INV-1", "100.00"), share("INV-2", "19.50")));

        assertThat(worker.processWaiting(10).handled()).isEqualTo(2);

        assertThat(count("select count(*) from receipt where provider = 'stripe' and status = 'MATCHED'")).isOne();
        assertThat(count("select count(*) from allocation")).isEqualTo(2);
        assertThat(count("select count(*) from posting where kind = 'PAYMENT'")).isEqualTo(2);
        assertThat(open("INV-1")).isEqualTo("EUR 0.00");
        assertThat(open("INV-2")).isEqualTo("EUR 0.00");
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_async'", String.class))
                .isEqualTo("payment pi_1 is recorded already");
    }

    @Test
    void moneyForAnItemPaidAnotherWayWaitsAsAnOverpaymentInTheExceptionsQueue() {
        ledger.applyAllocation(ledger.find(new OpenItemKey("csv", "INV-2")).orElseThrow().id(), Money.of("19.50", "EUR"));
        deliver("evt_1", paid("pi_1", "119.50", share("INV-1", "100.00"), share("INV-2", "19.50")));

        worker.processWaiting(10);

        assertThat(open("INV-1")).isEqualTo("EUR 0.00");
        assertThat(new ReceiptRepository(db).waiting(10)).singleElement().satisfies(w -> {
            assertThat(w.unallocated()).isEqualTo(Money.of("19.50", "EUR"));
            assertThat(w.reason()).startsWith("overpayment of EUR 19.50").contains("csv:INV-2 had EUR 0.00 open");
        });
    }

    @Test
    void aFullRefundReopensTheItemsAndReversesEachPostingOnceAPartialOneIsParkedForAPerson() {
        deliver("evt_paid", paid("pi_1", "119.50", share("INV-1", "100.00"), share("INV-2", "19.50")));
        deliver("evt_refund", new PaymentEffect.Undone("pi_1", Money.of("119.50", "EUR"), "charge ch_1 refunded in full"));
        deliver("evt_refund_again", new PaymentEffect.Undone("pi_1", Money.of("119.50", "EUR"), "charge ch_1 refunded in full"));
        deliver("evt_partial", new PaymentEffect.NeedsAPerson("pi_2", "charge ch_2 refunded in part"));

        assertThat(worker.processWaiting(10)).isEqualTo(new ProviderEventProcessing.Report(3, 1));

        assertThat(open("INV-1")).isEqualTo("EUR 100.00");
        assertThat(open("INV-2")).isEqualTo("EUR 19.50");
        assertThat(count("select count(*) from posting where kind = 'REVERSAL'")).isEqualTo(2);
        assertThat(count("select count(*) from receipt where status = 'RETURNED'")).isOne();
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_partial'", String.class))
                .isEqualTo("PAYMENT_NEEDS_A_PERSON: stripe payment pi_2: charge ch_2 refunded in part");
    }

    @Test
    void aFailedDelayedPaymentWithNoReceiptChangesNothingAndARefundOfAnUnknownPaymentWaitsForAPerson() {
        deliver("evt_failed", new PaymentEffect.Undone("pi_9", null, "the delayed payment of session cs_9 failed"));
        deliver("evt_refund", new PaymentEffect.Undone("pi_8", Money.of("5.00", "EUR"), "charge ch_8 refunded in full"));

        assertThat(worker.processWaiting(10).handled()).isEqualTo(2);

        assertThat(count("select count(*) from receipt")).isZero();
        assertThat(count("select count(*) from unresolved_return where provider = 'stripe' and provider_id = 'pi_8'")).isOne();
    }

    @Test
    void aMandateChangeIsRecordedForOurCustomerAndOneForACustomerWeDoNotKnowWaitsForAPerson() {
        deliver("EV1", new PaymentEffect.MandateChanged("MD1", "csv|C1", "active", "mandate MD1 active"));
        deliver("EV2", new PaymentEffect.MandateChanged("MD1", "csv|C1", "cancelled", "mandate MD1 cancelled (bank_account_closed)"));
        deliver("EV3", new PaymentEffect.MandateChanged("MD9", "csv|NOBODY", "active", "mandate MD9 active"));

        assertThat(worker.processWaiting(10)).isEqualTo(new ProviderEventProcessing.Report(2, 1));

        assertThat(db.jdbc().queryForList("select mandate_id || ' ' || status || ' ' || event_id from provider_mandate", String.class))
                .containsExactly("MD1 cancelled EV2");
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'EV1'", String.class))
                .isEqualTo("mandate MD1 of customer C1 is active: mandate MD1 active");
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'EV3'", String.class))
                .startsWith("PAYMENT_NEEDS_A_PERSON").contains("csv|NOBODY");
    }

    @Test
    void aCollectionAgainstAProviderMandateIsPaidByItsPaymentAndAFailureGivesTheItemBackToThePolicy() {
        long itemId = ledger.find(new OpenItemKey("csv", "INV-1")).orElseThrow().id();
        long customer = ledger.get(itemId).customerId();
        new ProviderMandates(db).record("stripe", "MD1", customer, "active", "active", "EV0");
        ProviderCollections collections = new ProviderCollections(db);
        long id = collections.insertRequested("stripe", collections.candidates("stripe", DAY).get(0), "key-1").orElseThrow();
        collections.markSubmitted(id, "PM1", DAY);
        new io.recoup.store.directdebit.CollectionRepository(db).holdItem(customer, itemId, "collected", DAY);

        deliver("EV_paid", paid("PM1", "100.00", share("INV-1", "100.00")));
        deliver("EV_failed", new PaymentEffect.Undone("PM1", null, "payment PM1 charged back (AM04)"));
        worker.processWaiting(10);

        assertThat(db.jdbc().queryForObject("select status || ' ' || reason from provider_collection", String.class))
                .isEqualTo("FAILED payment PM1 charged back (AM04)");
        assertThat(open("INV-1")).isEqualTo("EUR 100.00");
        assertThat(count("select count(*) from hold where item_id = ? and released_at is null", itemId)).isZero();
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'EV_paid'", String.class))
                .endsWith("; collection of INV-1 paid");
        assertThat(db.jdbc().queryForList("select entity_id || ': ' || what || ' (' || why || ')' from event_log"
                + " where actor = 'direct-debit' order by id", String.class)).containsExactly(
                "csv:INV-1: stripe payment PM1 confirmed (its collection is paid)",
                "csv:INV-1: stripe payment PM1 failed (payment PM1 charged back (AM04); the item goes back to the dunning policy)");
    }

    @Test
    void aDisputeHoldsTheItemsThePaymentPaid() {
        deliver("evt_paid", paid("pi_1", "100.00", share("INV-1", "100.00")));
        deliver("evt_dispute", new PaymentEffect.Disputed("pi_1", "dp_1", "opened (fraudulent)"));

        worker.processWaiting(10);

        assertThat(db.jdbc().queryForList("select kind || ' ' || reason from hold h join open_item i on i.id = h.item_id "
                + "where i.external_id = 'INV-1' and released_at is null", String.class))
                .containsExactly("DISPUTE stripe dispute dp_1: opened (fraudulent)");
    }

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static PaymentEffect.AsOf asOf(String object, String state, int day, PaymentEffect effect) {
        return new PaymentEffect.AsOf(object, state, T0.plus(java.time.Duration.ofDays(day)), effect);
    }

    private void deliverInTurn(List<String> ids, Map<String, PaymentEffect> told) {
        for (String id : ids) {
            deliver(id, told.get(id));
            worker.processWaiting(10);
        }
    }

    private long activeHolds(String item) {
        return count("select count(*) from hold h join open_item i on i.id = h.item_id where i.external_id = ? and released_at is null",
                item);
    }

    @Test
    void aClosedDisputeReleasesItsHoldOrUndoesThePaymentOnceAndItsOpeningToldLateHoldsNothing() {
        int n = 0;
        for (boolean lost : List.of(false, true)) {
            for (boolean closedFirst : List.of(false, true)) {
                String item = "D-" + n;
                String pi = "pi_d" + n;
                String dp = "dp_" + n++;
                item(item, "10.00");
                Map<String, PaymentEffect> told = Map.of(
                        "evt_paid_" + pi, asOf(pi, "succeeded", 0, paid(pi, "10.00", share(item, "10.00"))),
                        "evt_open_" + dp, asOf(dp, "open", 10, new PaymentEffect.Disputed(pi, dp, "opened (fraudulent)")),
                        "evt_close_" + dp, asOf(dp, lost ? "lost" : "won", 40, new PaymentEffect.DisputeClosed(pi, dp, lost,
                                Money.of("10.00", "EUR"), "dispute " + dp + " closed: " + (lost ? "lost" : "won"))));
                deliverInTurn(closedFirst ? List.of("evt_paid_" + pi, "evt_close_" + dp, "evt_open_" + dp)
                        : List.of("evt_paid_" + pi, "evt_open_" + dp, "evt_close_" + dp), told);

                String order = (lost ? "lost" : "won") + (closedFirst ? ", closed told first" : "");
                assertThat(activeHolds(item)).as(order).isZero();
                assertThat(open(item)).as(order).isEqualTo(lost ? "EUR 10.00" : "EUR 0.00");
                assertThat(count("select count(*) from posting p join allocation a on a.id = p.allocation_id join open_item i"
                        + " on i.id = a.item_id where i.external_id = ? and p.kind = 'REVERSAL'", item)).as(order).isEqualTo(lost ? 1 : 0);
            }
        }
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_open_dp_1'", String.class))
                .startsWith("ignored as stale: dp_1 is known won as of 2026-04-11T10:00:00Z");
        assertThat(count("select count(*) from provider_event where status <> 'HANDLED'")).isZero();
    }

    @Test
    void aStaleEventMakesTheObjectsStateNowCountWhenTheProviderHasMovedOnPastWhatIsKnown() {
        // the intent failed on days 0 and 2 and succeeded on day 3, whose event is late; the first failure comes last
        atProvider.put("pi_s", asOf("pi_s", "succeeded", 3, paid("pi_s", "100.00", share("INV-1", "100.00"))));
        Map<String, PaymentEffect> told = Map.of(
                "evt_failed_2", asOf("pi_s", "failed", 2, new PaymentEffect.Undone("pi_s", null, "payment intent pi_s failed")),
                "evt_failed_0", asOf("pi_s", "failed", 0, new PaymentEffect.Undone("pi_s", null, "payment intent pi_s failed")),
                "evt_succeeded_3", asOf("pi_s", "succeeded", 3, paid("pi_s", "100.00", share("INV-1", "100.00"))));
        deliverInTurn(List.of("evt_failed_2", "evt_failed_0"), told);

        assertThat(open("INV-1")).as("paid by the intent's state now").isEqualTo("EUR 0.00");
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_failed_0'", String.class))
                .startsWith("stale: pi_s is known failed as of 2026-03-04T10:00:00Z").contains("stripe has it succeeded now, applied: receipt");

        deliverInTurn(List.of("evt_succeeded_3"), told);
        assertThat(count("select count(*) from receipt where provider_id = 'pi_s'")).as("the late success is the same payment").isOne();
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_succeeded_3'", String.class))
                .isEqualTo("payment pi_s is recorded already");
        assertThat(count("select count(*) from posting where kind = 'PAYMENT'")).isOne();
    }

    @Test
    void aStaleEventWhoseObjectIsStillAsKnownChangesNothing() {
        atProvider.put("dp_k", asOf("dp_k", "won", 40, new PaymentEffect.DisputeClosed("pi_k", "dp_k", false, Money.of("100.00", "EUR"),
                "dispute dp_k closed: won")));
        deliverInTurn(List.of("evt_paid", "evt_won", "evt_open"), Map.of(
                "evt_paid", asOf("pi_k", "succeeded", 0, paid("pi_k", "100.00", share("INV-1", "100.00"))),
                "evt_won", asOf("dp_k", "won", 40, new PaymentEffect.DisputeClosed("pi_k", "dp_k", false, Money.of("100.00", "EUR"),
                        "dispute dp_k closed: won")),
                "evt_open", asOf("dp_k", "open", 10, new PaymentEffect.Disputed("pi_k", "dp_k", "opened (fraudulent)"))));

        assertThat(activeHolds("INV-1")).isZero();
        assertThat(db.jdbc().queryForObject("select outcome from provider_event where event_id = 'evt_open'", String.class))
                .startsWith("ignored as stale: dp_k is known won").endsWith("; stripe has it won now");
    }

    @Test
    void aFailedAttemptOlderThanThePaymentUndoesNothingInAnyOrderAndTheIntentAndItsSessionMakeOneReceipt() {
        List<List<String>> orders = List.of(List.of("failed", "intent", "session"), List.of("failed", "session", "intent"),
                List.of("intent", "failed", "session"), List.of("intent", "session", "failed"), List.of("session", "failed", "intent"),
                List.of("session", "intent", "failed"));
        for (int n = 0; n < orders.size(); n++) {
            String item = "F-" + n;
            String pi = "pi_f" + n;
            item(item, "10.00");
            Map<String, PaymentEffect> told = Map.of(
                    "evt_failed_" + pi, asOf(pi, "failed", 0, new PaymentEffect.Undone(pi, null, "payment intent " + pi + " failed")),
                    "evt_intent_" + pi, asOf(pi, "succeeded", 1, paid(pi, "10.00", share(item, "10.00"))),
                    "evt_session_" + pi, asOf(pi, "succeeded", 1, paid(pi, "10.00", share(item, "10.00"))));
            deliverInTurn(orders.get(n).stream().map(kind -> "evt_" + kind + "_" + pi).toList(), told);

            assertThat(open(item)).as(orders.get(n).toString()).isEqualTo("EUR 0.00");
            assertThat(count("select count(*) from receipt where provider_id = ? and status = 'MATCHED'", pi)).as(orders.get(n).toString())
                    .isOne();
        }
        assertThat(count("select count(*) from posting where kind = 'REVERSAL'")).isZero();
        assertThat(count("select count(*) from posting where kind = 'PAYMENT'")).isEqualTo(orders.size());
    }

    @Test
    void aFailureNewerThanARecordedPaymentUndoesItOnceAndOneOfAPaymentNeverRecordedChangesNothing() {
        deliverInTurn(List.of("evt_paid", "evt_failed", "evt_failed_again", "evt_other_failed"), Map.of(
                "evt_paid", asOf("pi_1", "succeeded", 0, paid("pi_1", "100.00", share("INV-1", "100.00"))),
                "evt_failed", asOf("pi_1", "failed", 1, new PaymentEffect.Undone("pi_1", null, "payment intent pi_1 failed")),
                "evt_failed_again", asOf("pi_1", "failed", 2, new PaymentEffect.Undone("pi_1", null, "payment intent pi_1 failed")),
                "evt_other_failed", asOf("pi_2", "failed", 2, new PaymentEffect.Undone("pi_2", null, "payment intent pi_2 failed"))));

        assertThat(open("INV-1")).isEqualTo("EUR 100.00");
        assertThat(count("select count(*) from posting where kind = 'REVERSAL'")).isOne();
        assertThat(db.jdbc().queryForList("select outcome from provider_event where event_id like 'evt_%failed%' order by id", String.class))
                .containsExactly("payment pi_1 undone", "payment pi_1 was undone already",
                        "payment pi_2 was never recorded: nothing to undo (payment intent pi_2 failed)");
    }

    @Test
    void deliveriesWithThirtyPercentDuplicatesFromEightSendersEachAlsoTakingEffectMakeExactlyOneReceiptAllocationAndPostingPerPayment()
            throws Exception {
        // eight senders that each also run the worker, as eight instances would: 2,000 deliveries, 30% of them an event
        // delivered again; each payment told by two events (completed and async succeeded). The 10,000 go over
        // HTTP through the running application in StripeWebhookLoadIT.
        int payments = 700;
        for (int i = 0; i < payments; i++) {
            item("B-" + i, "10.00");
        }
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            effects.put("evt_c" + i, paid("pi_" + i, "10.00", share("B-" + i, "10.00")));
            effects.put("evt_a" + i, paid("pi_" + i, "10.00", share("B-" + i, "10.00")));
            deliveries.add("evt_c" + i);
            deliveries.add("evt_a" + i);
        }
        Random random = new Random(13);
        for (int k = 0; k < 600; k++) {
            deliveries.add(deliveries.get(random.nextInt(2 * payments)));
        }
        Collections.shuffle(deliveries, random);
        assertThat(deliveries).hasSize(2_000);
        assertThat(new java.util.HashSet<>(deliveries)).hasSize(2 * payments);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int from = w;
                done.add(pool.submit(() -> {
                    for (int k = from; k < deliveries.size(); k += 8) {
                        String id = deliveries.get(k);
                        events.record(new ProviderEvent("stripe", id, "test", Instant.EPOCH, id.getBytes(StandardCharsets.UTF_8)));
                        worker.processWaiting(5);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        worker.processWaiting(Integer.MAX_VALUE);

        assertThat(count("select count(*) from provider_event where status = 'HANDLED'")).isEqualTo(2L * payments);
        assertThat(count("select count(*) from receipt")).isEqualTo(payments);
        assertThat(count("select count(*) from allocation")).isEqualTo(payments);
        assertThat(count("select count(*) from posting")).isEqualTo(payments);
        assertThat(count("select count(*) from open_item where external_id like 'B-%' and open_amount = 0")).isEqualTo(payments);
    }
}
