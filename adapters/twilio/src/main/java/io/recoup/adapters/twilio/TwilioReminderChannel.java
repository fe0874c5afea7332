package io.recoup.adapters.twilio;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.core.text.Masked;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders through Twilio, each with Recoup's status callback so that what became of it comes back: {@link #sms} sends
 * the message's short text (its template carries the payment link) through the Messages API; {@link #call} places a
 * call through the Calls API whose TwiML says that text in the customer's language and offers "press 1 to be
 * connected" ({@link Twiml#reminderCall}). A number Twilio refuses for good is a bounce, so the next channel takes
 * over. Twilio has no idempotency key for either, so an interrupted send is never repeated ({@link #deduplicates()} is
 * false): dispatch leaves it to a person, as the notice's outbox state says it may have gone out.
 */
public final class TwilioReminderChannel implements ReminderChannel {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioReminderChannel.class);

    private final Channel channel;
    private final TwilioSettings settings;
    private final TwilioHttp http;

    private TwilioReminderChannel(Channel channel, TwilioSettings settings, TwilioHttp http) {
        this.channel = channel;
        this.settings = settings;
        this.http = http;
    }

    public static TwilioReminderChannel sms(TwilioSettings settings) {
        return sms(settings, new TwilioHttp(settings));
    }

    public static TwilioReminderChannel call(TwilioSettings settings) {
        return call(settings, new TwilioHttp(settings));
    }

    static TwilioReminderChannel sms(TwilioSettings settings, TwilioHttp http) {
        return new TwilioReminderChannel(Channel.SMS, settings, http);
    }

    static TwilioReminderChannel call(TwilioSettings settings, TwilioHttp http) {
        return new TwilioReminderChannel(Channel.CALL, settings, http);
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public DeliveryResult deliver(ReminderMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipientAddress());
        form.put("From", settings.from());
        if (channel == Channel.SMS) {
            form.put("Body", message.body().strip());
        } else {
            Locale language = Locale.forLanguageTag(message.value("language").isBlank() ? "en" : message.value("language"));
            form.put("Twiml", Twiml.reminderCall(message.body(), language,
                    settings.connectTo().isPresent() ? Optional.of(settings.connectCallback()) : Optional.empty()));
        }
        form.put("StatusCallback", settings.statusCallback().toString());
        String to = Masked.phone(message.recipientAddress());
        try {
            String sid = http.create(channel == Channel.SMS ? "Messages" : "Calls", form);
            LOG.info("{} {} to {} accepted by twilio as {}", channel.label(), message.idempotencyKey(), to, sid);
            return new DeliveryResult.Sent(sid);
        } catch (TwilioFault refused) {
            LOG.info("{} {} to {} refused by twilio: {}", channel.label(), message.idempotencyKey(), to, refused.getMessage());
            return new DeliveryResult.Bounced(refused.getMessage());
        }
    }

    @Override
    public boolean deduplicates() {
        return false;
    }
}
