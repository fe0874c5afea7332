package io.recoup.core.port;

import io.recoup.core.money.Money;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Makes the link a reminder offers to pay its items at a payment provider (Stripe: a Checkout Session). The provider
 * is asked with an idempotency key made of the notice and the attempt, so a retry or a crash never makes a second link
 * for one notice; a notice sent again after its link expired asks with the next attempt. A provider that cannot be
 * reached now fails with {@link PaymentLinkUnavailable}; asking again with the same request is safe.
 */
public interface PaymentLinkIssuer {
    /** The provider's name, as in {@code recoup.payments.<provider>}. */
    String provider();

    PaymentLink issue(LinkRequest request);

    /** One notice's link: its id, the attempt (1, then 2 after the first expired), what it lists and until when. */
    record LinkRequest(String notice, int attempt, Money amount, List<PaymentEffect.ItemShare> items, Instant expiresAt,
                       String description) {
        public LinkRequest {
            Objects.requireNonNull(notice, "notice");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be 1 or more, is " + attempt);
            }
            Objects.requireNonNull(amount, "amount");
            items = List.copyOf(items);
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(description, "description");
        }

        /** The key the provider dedupes the request by. */
        public String idempotencyKey() {
            return "recoup-notice-" + notice + "-" + attempt;
        }
    }

    /** The link made: the provider's id of it, the address the customer opens, and when it stops working. */
    record PaymentLink(String provider, String id, URI url, Instant expiresAt) {
        public PaymentLink {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
