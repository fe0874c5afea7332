package io.recoup.core.lifecycle;

/** What the delivery worker or a person does with an outbound webhook delivery; {@link WebhookDeliveryLifecycle} says where each leads. */
public enum WebhookDeliveryMove {
    DELIVER,
    PARK,
    /** A person sends a parked delivery again (after the receiver was fixed). */
    REDELIVER,
    /** The subscription was deleted: what has not gone out never will. */
    CANCEL
}
