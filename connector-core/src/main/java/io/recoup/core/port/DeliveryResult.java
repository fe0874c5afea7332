package io.recoup.core.port;

/** What a channel did with one reminder. */
public sealed interface DeliveryResult {
    /** Handed over to the provider, which gave this id. */
    record Sent(String providerMessageId) implements DeliveryResult {}

    /** Refused for good (bad address, opted out): retrying will not help, the next channel might. */
    record Bounced(String reason) implements DeliveryResult {}

    /** A passing failure (timeout, 4xx from the mail server): try again later. */
    record Deferred(String reason) implements DeliveryResult {}
}
