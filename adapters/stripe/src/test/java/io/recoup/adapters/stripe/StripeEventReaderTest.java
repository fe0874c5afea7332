package io.recoup.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.SourceSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeEventReaderTest {
    private static final List<PaymentEffect.ItemShare> ITEMS = List.of(
            new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("100.00", "EUR")),
            new PaymentEffect.ItemShare(new OpenItemKey("bc|eu", "SO|42"), Money.of("19.50", "EUR")));
    private static final Map<String, Object> OURS = Map.of("payment_status", "paid", "currency", "eur", "amount_total", 11950,
            "metadata", StripeMetadata.of("77", ITEMS));

    private static final String SESSION = "cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY";
    private static final String DISPUTE = "dp_1Pgc71B7WZ01zgkWMevJiAUx";
    private static final Instant CREATED = Instant.ofEpochSecond(1_780_000_000L);

    private final ProviderEventReader reader = new StripePaymentProvider().events(new SourceSettings("stripe", Map.of()));

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    @Test
    void aPaidSessionIsAPaymentForTheItemsInOurMetadataUnderItsPaymentIntent() {
        PaymentEffect effect = reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json", OURS));

        assertThat(effect).isEqualTo(new PaymentEffect.AsOf("pi_1PgafyB7WZ01zgkWSjxsAJo3", "succeeded", CREATED,
                new PaymentEffect.Paid("pi_1PgafyB7WZ01zgkWSjxsAJo3", Money.of("119.50", "EUR"), "77", ITEMS, CREATED)));
    }

    @Test
    void anUnpaidCompletedSessionWaitsForItsDelayedPaymentWhichThenPaysOrIsUndone() {
        Map<String, Object> unpaid = with(OURS, "payment_status", "unpaid");

        assertThat(reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json", unpaid)))
                .isInstanceOf(PaymentEffect.Ignored.class);
        assertThat(effect(reader.read(StripeEvents.event("evt_2", "checkout.session.async_payment_succeeded", "checkout.session.json",
                unpaid)))).isInstanceOfSatisfying(PaymentEffect.Paid.class, p -> assertThat(p.paymentId()).isEqualTo("pi_1PgafyB7WZ01zgkWSjxsAJo3"));
        assertThat(reader.read(StripeEvents.event("evt_3", "checkout.session.async_payment_failed", "checkout.session.json", unpaid)))
                .isEqualTo(new PaymentEffect.AsOf("pi_1PgafyB7WZ01zgkWSjxsAJo3", "failed", CREATED, new PaymentEffect.Undone(
                        "pi_1PgafyB7WZ01zgkWSjxsAJo3", null, "the delayed payment of session " + SESSION + " failed")));
    }

    @Test
    void aSessionWithoutOurMetadataIsIgnoredAsNotOurs() {
        assertThat(reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json",
                with(OURS, "metadata", Map.of()))))
                .isEqualTo(new PaymentEffect.Ignored("session " + SESSION + " carries no Recoup notice: not ours"));
    }

    @Test
    void aPaidSessionWithBrokenMetadataOrNoAmountCannotBeRead() {
        assertThatThrownBy(() -> reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json",
                with(OURS, "metadata", Map.of("recoup_notice", "77", "recoup_item_1", "INV-1")))))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROVIDER_EVENT))
                .hasMessageContaining("recoup_item_1");
        assertThatThrownBy(() -> reader.read(StripeEvents.event("evt_2", "checkout.session.completed", "checkout.session.json",
                with(OURS, "amount_total", null)))).hasMessageContaining("amount_total");
    }

    @Test
    void aFullRefundUndoesThePaymentAPartialOneNeedsAPerson() {
        Map<String, Object> refunded = Map.of("payment_intent", "pi_9", "amount", 11950, "amount_refunded", 11950, "refunded", true,
                "currency", "eur");

        assertThat(reader.read(StripeEvents.event("evt_1", "charge.refunded", "charge.json", refunded)))
                .isEqualTo(new PaymentEffect.Undone("pi_9", Money.of("119.50", "EUR"), "charge ch_1PgafuB7WZ01zgkWXYmPNZs8 refunded in full"));
        assertThat(reader.read(StripeEvents.event("evt_2", "charge.refunded", "charge.json",
                with(with(refunded, "refunded", false), "amount_refunded", 1950))))
                .isInstanceOfSatisfying(PaymentEffect.NeedsAPerson.class, n -> assertThat(n.reason()).contains("EUR 19.50 of EUR 119.50"));
    }

    @Test
    void aDisputeHoldsThePaymentItNamesAsTheDisputesOpenStateAtTheEventsTime() {
        assertThat(reader.read(StripeEvents.event("evt_1", "charge.dispute.created", "dispute.json", Map.of("payment_intent", "pi_9"))))
                .isEqualTo(new PaymentEffect.AsOf(DISPUTE, "open", CREATED, new PaymentEffect.Disputed("pi_9", DISPUTE, "opened (general)")));
        assertThat(reader.read(StripeEvents.event("evt_2", "charge.dispute.created", "dispute.json", Map.of())))
                .isInstanceOf(PaymentEffect.Ignored.class);
    }

    @Test
    void aClosedDisputeWonReleasesTheHoldLostUndoesThePaymentAndAnUnknownOutcomeNeedsAPerson() {
        Map<String, Object> won = Map.of("payment_intent", "pi_9", "status", "won", "amount", 11950, "currency", "eur");

        assertThat(reader.read(StripeEvents.event("evt_1", "charge.dispute.closed", "dispute.json", won)))
                .isEqualTo(new PaymentEffect.AsOf(DISPUTE, "won", CREATED, new PaymentEffect.DisputeClosed("pi_9", DISPUTE, false,
                        Money.of("119.50", "EUR"), "dispute " + DISPUTE + " closed: won")));
        assertThat(effect(reader.read(StripeEvents.event("evt_2", "charge.dispute.closed", "dispute.json", with(won, "status", "lost")))))
                .isEqualTo(new PaymentEffect.DisputeClosed("pi_9", DISPUTE, true, Money.of("119.50", "EUR"), "dispute " + DISPUTE
                        + " closed: lost"));
        assertThat(effect(reader.read(StripeEvents.event("evt_3", "charge.dispute.closed", "dispute.json",
                with(won, "status", "warning_closed"))))).isInstanceOfSatisfying(PaymentEffect.DisputeClosed.class,
                c -> assertThat(c.lost()).isFalse());
        assertThat(reader.read(StripeEvents.event("evt_4", "charge.dispute.closed", "dispute.json", with(won, "status", "under_review"))))
                .isInstanceOf(PaymentEffect.NeedsAPerson.class);
        assertThat(reader.read(StripeEvents.event("evt_5", "charge.dispute.closed", "dispute.json", Map.of("status", "won"))))
                .isInstanceOf(PaymentEffect.Ignored.class);
    }

    @Test
    void aSucceededPaymentIntentIsThePaymentItsSessionTellsOfUnderTheSameId() {
        Map<String, Object> intent = Map.of("status", "succeeded", "currency", "eur", "amount", 11950, "amount_received", 11950,
                "metadata", StripeMetadata.of("77", ITEMS));

        PaymentEffect fromIntent = reader.read(StripeEvents.event("evt_pi", "payment_intent.succeeded", "payment_intent.json", intent));
        PaymentEffect fromSession = reader.read(StripeEvents.event("evt_cs", "checkout.session.completed", "checkout.session.json", OURS));

        assertThat(fromIntent).isEqualTo(fromSession);
        assertThat(reader.read(StripeEvents.event("evt_x", "payment_intent.succeeded", "payment_intent.json",
                with(intent, "metadata", Map.of())))).isEqualTo(new PaymentEffect.Ignored(
                        "payment intent pi_1PgafyB7WZ01zgkWSjxsAJo3 carries no Recoup notice: not ours"));
    }

    @Test
    void aPaymentIsTheCustomersGrossAmountWithStripesFeeAndPayoutsKeptApart() {
        // the charge expanded with its balance transaction: Stripe keeps 3.76 of the 119.50 the customer paid
        Map<String, Object> charge = Map.of("id", "ch_3PgafyB7WZ01zgkW0", "object", "charge", "amount", 11950, "currency", "eur",
                "balance_transaction", Map.of("id", "txn_1", "object", "balance_transaction", "amount", 11950, "fee", 376, "net", 11574,
                        "currency", "eur"));
        Map<String, Object> intent = Map.of("status", "succeeded", "currency", "eur", "amount", 11950, "amount_received", 11950,
                "application_fee_amount", 376, "latest_charge", charge, "metadata", StripeMetadata.of("77", ITEMS));

        assertThat(effect(reader.read(StripeEvents.event("evt_pi", "payment_intent.succeeded", "payment_intent.json", intent))))
                .isInstanceOfSatisfying(PaymentEffect.Paid.class, p -> assertThat(p.amount()).isEqualTo(Money.of("119.50", "EUR")));
        // Stripe's transfer of the balance to the bank is settlement, net of fees: never a customer's payment
        assertThat(reader.read(StripeEvents.event("evt_po", "payout.paid", "charge.json", Map.of("object", "payout", "amount", 11574))))
                .isEqualTo(new PaymentEffect.Ignored("Stripe event type payout.paid is not followed"));
    }

    @Test
    void aFailedPaymentIntentOfOursIsUndoneAsTheFailedStateAtTheEventsTime() {
        Map<String, Object> failed = Map.of("status", "requires_payment_method", "metadata", StripeMetadata.of("77", ITEMS),
                "last_payment_error", Map.of("code", "card_declined"));

        assertThat(reader.read(StripeEvents.event("evt_f", "payment_intent.payment_failed", "payment_intent.json", failed)))
                .isEqualTo(new PaymentEffect.AsOf("pi_1PgafyB7WZ01zgkWSjxsAJo3", "failed", CREATED, new PaymentEffect.Undone(
                        "pi_1PgafyB7WZ01zgkWSjxsAJo3", null, "payment intent pi_1PgafyB7WZ01zgkWSjxsAJo3 failed (card_declined)")));
        assertThat(reader.read(StripeEvents.event("evt_g", "payment_intent.payment_failed", "payment_intent.json",
                with(failed, "metadata", Map.of())))).isInstanceOf(PaymentEffect.Ignored.class);
    }

    private static PaymentEffect effect(PaymentEffect read) {
        return read instanceof PaymentEffect.AsOf stated ? stated.effect() : read;
    }

    @Test
    void otherEventTypesAreIgnoredWithTheirTypeNamed() {
        assertThat(reader.read(StripeEvents.event("evt_1", "customer.created", "charge.json", Map.of())))
                .isEqualTo(new PaymentEffect.Ignored("Stripe event type customer.created is not followed"));
    }
}
