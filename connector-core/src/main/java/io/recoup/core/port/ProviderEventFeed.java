package io.recoup.core.port;

import java.time.Instant;
import java.util.List;

/**
 * The events a payment provider keeps for a while (Stripe 30 days, GoCardless too), listed from its API, so that what
 * a webhook missed while Recoup was down is found later. The caller stores them with the same dedupe as webhooks, so
 * overlap costs nothing. A provider that cannot be reached now fails with {@link FeedUnavailable}; the next run tries
 * again.
 */
public interface ProviderEventFeed {
    /** Every event created at or after {@code from}, oldest first. */
    List<ProviderEvent> createdSince(Instant from);
}
