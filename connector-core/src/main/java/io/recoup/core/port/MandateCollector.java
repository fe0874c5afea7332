package io.recoup.core.port;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects an open item at a payment provider against a mandate the customer gave there (GoCardless: a payment
 * against an active mandate), as an alternative to Recoup's own pain.008 files. Each request carries an idempotency
 * key made of the item and the attempt, so asking again after a timeout or a crash never charges twice; a provider
 * that cannot be reached now fails with {@link ProviderUnavailable}, and asking again with the same request is safe.
 * A request the provider refuses for good (the mandate is cancelled, the amount is wrong) fails with
 * {@link CollectionRefused}: a person decides.
 */
public interface MandateCollector {
    /** The provider's name, as in {@code recoup.payments.<provider>}. */
    String provider();

    CollectedPayment collect(CollectionRequest request);

    /**
     * One item to collect: the provider's mandate, what is owed, the earliest charge date wanted (empty: the
     * provider's earliest), and the attempt (1, then 2 after the first failed).
     */
    record CollectionRequest(String mandateId, OpenItemKey item, int attempt, Money amount, Optional<LocalDate> chargeDate,
                             String reference) {
        public CollectionRequest {
            Objects.requireNonNull(mandateId, "mandateId");
            Objects.requireNonNull(item, "item");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be 1 or more, is " + attempt);
            }
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(chargeDate, "chargeDate");
            Objects.requireNonNull(reference, "reference");
        }

        /** The key the provider dedupes the request by. */
        public String idempotencyKey() {
            return "recoup-item-" + item.source() + "-" + item.externalId() + "-" + attempt;
        }
    }

    /** The payment the provider made: its id (the receipt's identity when it is paid), its status and charge date. */
    record CollectedPayment(String paymentId, String status, LocalDate chargeDate) {
        public CollectedPayment {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(chargeDate, "chargeDate");
        }
    }

    /** The provider refused the request for a reason that will not go away: a person decides. */
    final class CollectionRefused extends io.recoup.core.RecoupException {
        public CollectionRefused(String provider, String reason, Throwable cause) {
            super(io.recoup.core.ErrorCode.PAYMENT_NEEDS_A_PERSON, provider + ": " + reason, cause);
        }
    }
}
