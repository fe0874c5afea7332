package io.recoup.app;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;

/** A reminder channel that does one more thing after each delivery, whatever its result: write the mail sink, pause. */
final class AfterDelivery implements ReminderChannel {
    private final ReminderChannel channel;
    private final Runnable then;

    AfterDelivery(ReminderChannel channel, Runnable then) {
        this.channel = channel;
        this.then = then;
    }

    @Override
    public Channel channel() {
        return channel.channel();
    }

    @Override
    public DeliveryResult deliver(ReminderMessage message) {
        DeliveryResult result = channel.deliver(message);
        then.run();
        return result;
    }

    /** Whether a resend is recognised as the same message is the wrapped channel's affair. */
    @Override
    public boolean deduplicates() {
        return channel.deduplicates();
    }

    @Override
    public void endOfRun() {
        channel.endOfRun();
    }
}
