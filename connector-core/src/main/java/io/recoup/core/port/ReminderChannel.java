package io.recoup.core.port;

import io.recoup.core.policy.Channel;

/** A way to reach a customer: e-mail, SMS, WhatsApp, a call. */
public interface ReminderChannel {
    Channel channel();

    DeliveryResult deliver(ReminderMessage message);
}
