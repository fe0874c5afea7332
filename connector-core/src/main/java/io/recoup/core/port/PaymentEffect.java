package io.recoup.core.port;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a stored provider event means for Recoup's books, as the provider's adapter reads it; the receive stage applies
 * it. {@code paymentId} is the provider's id of the payment (Stripe: the payment intent, else the checkout session),
 * which is the receipt's identity, so two events about one payment make one receipt. An event Recoup has nothing to do
 * with (a type it does not follow, a session that is not ours) is {@link Ignored} with the reason, so every stored
 * event is accounted for.
 */
public sealed interface PaymentEffect {
    record Ignored(String reason) implements PaymentEffect {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The customer paid {@code amount} (what the customer paid, the provider's fees not taken off) for the items our
     * notice listed, named in the payment's metadata with what each was listed at.
     */
    record Paid(String paymentId, Money amount, String notice, List<ItemShare> items, Instant paidAt) implements PaymentEffect {
        public Paid {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(notice, "notice");
            items = List.copyOf(items);
            Objects.requireNonNull(paidAt, "paidAt");
        }
    }

    /** One item a payment was for, and the amount it was listed at. */
    record ItemShare(OpenItemKey item, Money amount) {
        public ItemShare {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The payment did not go through after all or was paid back in full (a delayed payment that failed, a full
     * refund): what it paid is undone. {@code amount} is what was taken back, when the event says.
     */
    record Undone(String paymentId, Money amount, String reason) implements PaymentEffect {
        public Undone {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The payer disputes the payment with their bank ({@code disputeId} the provider's id of the dispute): the items it
     * paid are held while the dispute lasts.
     */
    record Disputed(String paymentId, String disputeId, String reason) implements PaymentEffect {
        public Disputed {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(disputeId, "disputeId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A dispute of the payment is over: the holds it placed end; a {@code lost} one took {@code amount} back from us,
     * which undoes the payment like a full refund (items reopened, one reversal posting).
     */
    record DisputeClosed(String paymentId, String disputeId, boolean lost, Money amount, String reason) implements PaymentEffect {
        public DisputeClosed {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(disputeId, "disputeId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * {@code effect} as the {@code state} of one of the provider's objects (a payment, a dispute) at {@code asOf}, the
     * provider's time of the event that tells it. Events arrive in any order: once a newer state of the object is
     * applied, an older one is stale and changes nothing (a dispute opened, told after it closed, holds nothing) - except
     * a payment, which is never dropped (its receipt is kept once per payment however often it is told).
     */
    record AsOf(String objectId, String state, Instant asOf, PaymentEffect effect) implements PaymentEffect {
        public AsOf {
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(effect, "effect");
            if (effect instanceof AsOf) {
                throw new IllegalArgumentException("an AsOf wraps the effect itself, not another AsOf");
            }
        }
    }

    /**
     * A mandate the customer gave at the provider changed (set up through a link Recoup sent, then active, cancelled,
     * failed, expired, reinstated...). {@code customer} is our key of the customer as we gave it to the provider
     * ({@code <source>|<external id>}, percent-encoded); {@code status} is the provider's own word for the mandate's state
     * now, {@code reason} says why, as far as the provider does.
     */
    record MandateChanged(String mandateId, String customer, String status, String reason) implements PaymentEffect {
        public MandateChanged {
            Objects.requireNonNull(mandateId, "mandateId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }

        /** Whether payments may be collected against the mandate now. */
        public boolean active() {
            return status.equals("active");
        }
    }

    /** Something a person has to decide (a partial refund: which item does it reopen?), with the reason. */
    record NeedsAPerson(String paymentId, String reason) implements PaymentEffect {
        public NeedsAPerson {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
