package io.recoup.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioCallbacksTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void readsAnUndeliveredSmsAsAFailureWithTwiliosErrorCode() {
        // the parameters of Twilio's documented message status callback
        assertThat(TwilioCallbacks.read(Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "ErrorCode", "30003",
                "AccountSid", "AC1", "From", "+15017122661", "To", "+4915112345678", "ApiVersion", "2010-04-01"), NOW))
                .contains(new DeliveryStatus(Channel.SMS, "SM1", DeliveryStatus.Kind.FAILED, "undelivered (twilio error 30003)", NOW));
        assertThat(TwilioCallbacks.read(Map.of("MessageSid", "SM1", "MessageStatus", "delivered"), NOW))
                .contains(new DeliveryStatus(Channel.SMS, "SM1", DeliveryStatus.Kind.DELIVERED, "delivered", NOW));
    }

    @Test
    void readsACallNobodyAnsweredAsAFailureAndIgnoresTheStatesInBetween() {
        assertThat(TwilioCallbacks.read(Map.of("CallSid", "CA1", "CallStatus", "no-answer"), NOW))
                .contains(new DeliveryStatus(Channel.CALL, "CA1", DeliveryStatus.Kind.FAILED, "no-answer", NOW));
        assertThat(TwilioCallbacks.read(Map.of("CallSid", "CA1", "CallStatus", "completed"), NOW).map(DeliveryStatus::kind))
                .contains(DeliveryStatus.Kind.DELIVERED);
        assertThat(TwilioCallbacks.read(Map.of("CallSid", "CA1", "CallStatus", "ringing"), NOW)).isEmpty();
        assertThat(TwilioCallbacks.read(Map.of("MessageSid", "SM1", "MessageStatus", "queued"), NOW)).isEmpty();
        assertThat(TwilioCallbacks.read(Map.of("Digits", "1"), NOW)).isEmpty();
    }
}
