package io.recoup.core.lifecycle;

/** Where an outbound webhook delivery stands; the moves are {@link WebhookDeliveryLifecycle}. */
public enum WebhookDeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Refused for good or out of attempts; the reason is kept and a person decides. */
    PARKED,
    /** Its subscription was deleted before it went out. */
    CANCELLED
}
