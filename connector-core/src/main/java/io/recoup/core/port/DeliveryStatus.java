package io.recoup.core.port;

import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * What a provider reported about one message it was handed, keyed by the id it gave on the send
 * ({@link DeliveryResult.Sent#providerMessageId()}) on its channel: sent, delivered, read, bounced or failed, with the
 * provider's reason where it gives one (an error code, a DSN's diagnostic). A report repeated by the provider is the
 * same fact and is stored once.
 */
public record DeliveryStatus(Channel channel, String providerMessageId, Kind kind, String reason, Instant occurredAt) {
    /**
     * The facts a provider can report about a message, in the order they usually come; CLICKED is reported by Recoup's
     * own payment-link redirect, as no provider says when its hosted page was opened.
     */
    public enum Kind {
        SENT, DELIVERED, READ, BOUNCED, FAILED, CLICKED;

        /** A message that never reached the customer: the policy's next channel takes over. */
        public boolean undelivered() {
            return this == BOUNCED || this == FAILED;
        }
    }

    public DeliveryStatus {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("a delivery status names the provider's message id");
        }
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
