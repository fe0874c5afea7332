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

    /**
     * Whether the link charges the notice's items (a Checkout Session), so one found expired when the customer opens it
     * is made again for what is still open; false for a link that sets something else up (a mandate).
     */
    default boolean chargesItems() {
        return true;
    }

    /**
     * Whether the provider says the link stopped working before its expiry (a session expired early); false when it
     * cannot tell now, so the stored link is used as it was.
     */
    default boolean endedEarly(PaymentLink link) {
        return false;
    }

    /**
     * One notice's link: its id, the attempt (1, then 2 after the first expired), what it lists and until when, and
     * our key of its customer ({@code <source>|<external id>}, percent-encoded; null when the caller has none), which a
     * mandate set up through the link carries back.
     */
    record LinkRequest(String notice, int attempt, Money amount, List<PaymentEffect.ItemShare> items, Instant expiresAt,
                       String description, String customer) {
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

        /** A request that names no customer. */
        public LinkRequest(String notice, int attempt, Money amount, List<PaymentEffect.ItemShare> items, Instant expiresAt,
                           String description) {
            this(notice, attempt, amount, items, expiresAt, description, null);
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
