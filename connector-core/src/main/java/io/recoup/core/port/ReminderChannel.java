package io.recoup.core.port;

import io.recoup.core.policy.Channel;

/** A way to reach a customer: e-mail, SMS, WhatsApp, a call. */
public interface ReminderChannel {
    Channel channel();

    DeliveryResult deliver(ReminderMessage message);

    /**
     * Whether a repeat of a message (the same {@link ReminderMessage#idempotencyKey()}) reaches the other side as the
     * same message, which the provider or the receiving mail system can recognise and drop: an e-mail with the same
     * Message-ID, a provider call with the same idempotency key. Dispatch resends a message whose earlier send was
     * interrupted only on such a channel (and counts it as a possible duplicate); on any other it asks a person.
     */
    boolean deduplicates();

    /**
     * The dispatcher has handed over the last message of its run. A channel that keeps a connection open from one
     * message to the next (SMTP) closes it here; each message's outcome was already answered by {@link #deliver}.
     */
    default void endOfRun() {
    }
}
