package io.recoup.core.lifecycle;

/** Where an item collected through a payment provider stands; the moves are {@link ProviderCollectionLifecycle}. */
public enum ProviderCollectionStatus {
    /** Written before the provider is asked; asked again with the same idempotency key until it answers. */
    REQUESTED,
    /** The provider made the payment; its events tell how it ends. */
    SUBMITTED,
    /** The provider confirmed the payment: the item is paid by its receipt. */
    PAID,
    /** The payment failed or was charged back: the item is open again for the policy. */
    FAILED,
    /** The provider refused to make the payment for good (the mandate is gone): a person decides. */
    REFUSED
}
