package io.recoup.routes.cycle;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import java.util.function.Function;

/** An e-mail channel for dispatch tests that answers (or fails) as {@code send} says, usually around the real SMTP one. */
record TestChannel(Function<ReminderMessage, DeliveryResult> send, boolean deduplicates) implements ReminderChannel {

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult deliver(ReminderMessage message) {
        return send.apply(message);
    }
}
