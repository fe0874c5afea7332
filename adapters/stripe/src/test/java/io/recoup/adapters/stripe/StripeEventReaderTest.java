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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeEventReaderTest {
    private static final List<PaymentEffect.ItemShare> ITEMS = List.of(
            new PaymentEffect.ItemShare(new OpenItemKey("csv", "INV-1"), Money.of("100.00", "EUR")),
            new PaymentEffect.ItemShare(new OpenItemKey("bc|eu", "SO|42"), Money.of("19.50", "EUR")));
    private static final Map<String, Object> OURS = Map.of("payment_status", "paid", "currency", "eur", "amount_total", 11950,
            "metadata", StripeMetadata.of("77", ITEMS));

    private final ProviderEventReader reader = new StripePaymentProvider().events(new SourceSettings("stripe", Map.of()));

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    @Test
    void aPaidSessionIsAPaymentForTheItemsInOurMetadataUnderItsPaymentIntent() {
        PaymentEffect effect = reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json", OURS));

        assertThat(effect).isEqualTo(new PaymentEffect.Paid("pi_1PgafyB7WZ01zgkWSjxsAJo3", Money.of("119.50", "EUR"), "77", ITEMS,
                java.time.Instant.ofEpochSecond(1_780_000_000L)));
    }

    @Test
    void anUnpaidCompletedSessionWaitsForItsDelayedPaymentWhichThenPaysOrIsUndone() {
        Map<String, Object> unpaid = with(OURS, "payment_status", "unpaid");

        assertThat(reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json", unpaid)))
                .isInstanceOf(PaymentEffect.Ignored.class);
        assertThat(reader.read(StripeEvents.event("evt_2", "checkout.session.async_payment_succeeded", "checkout.session.json", unpaid)))
                .isInstanceOfSatisfying(PaymentEffect.Paid.class, p -> assertThat(p.paymentId()).isEqualTo("pi_1PgafyB7WZ01zgkWSjxsAJo3"));
        assertThat(reader.read(StripeEvents.event("evt_3", "checkout.session.async_payment_failed", "checkout.session.json", unpaid)))
                .isInstanceOfSatisfying(PaymentEffect.Undone.class, u -> assertThat(u.paymentId()).isEqualTo("pi_1PgafyB7WZ01zgkWSjxsAJo3"));
    }

    @Test
    void aSessionWithoutOurMetadataIsIgnoredAsNotOurs() {
        assertThat(reader.read(StripeEvents.event("evt_1", "checkout.session.completed", "checkout.session.json",
                with(OURS, "metadata", Map.of()))))
                .isEqualTo(new PaymentEffect.Ignored("session cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY"
                        + " carries no Recoup notice: not ours"));
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
    void aDisputeHoldsThePaymentItNames() {
        assertThat(reader.read(StripeEvents.event("evt_1", "charge.dispute.created", "dispute.json", Map.of("payment_intent", "pi_9"))))
                .isEqualTo(new PaymentEffect.Disputed("pi_9", "dispute dp_1Pgc71B7WZ01zgkWMevJiAUx (general) opened"));
        assertThat(reader.read(StripeEvents.event("evt_2", "charge.dispute.created", "dispute.json", Map.of())))
                .isInstanceOf(PaymentEffect.Ignored.class);
    }

    @Test
    void otherEventTypesAreIgnoredWithTheirTypeNamed() {
        assertThat(reader.read(StripeEvents.event("evt_1", "customer.created", "charge.json", Map.of())))
                .isEqualTo(new PaymentEffect.Ignored("Stripe event type customer.created is not followed"));
    }
}
