package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOutboxTest {
    @TempDir
    Path home;

    @Test
    void writesWhatAnSmsWouldSayIntoItsChannelsFolderAndSaysItWasNotSent() throws Exception {
        LocalOutbox sms = new LocalOutbox(Channel.SMS, home.resolve("outbox"));
        ReminderMessage message = new ReminderMessage("notice-7", "Jane Doe", "+4915112345678", "Payment reminder",
                "Acme: INV-1, EUR 100.00 open. https://pay.example/cs_1\n", List.of(), Map.of("payment.link", "https://pay.example/cs_1"));

        assertThat(sms.deliver(message)).isEqualTo(new DeliveryResult.Sent("local-sms-notice-7.txt"));
        assertThat(sms.deliver(message)).isEqualTo(new DeliveryResult.Sent("local-sms-notice-7~2.txt"));

        assertThat(Files.readString(home.resolve("outbox/sms/notice-7.txt"))).isEqualTo("""
                # not sent: no sms provider is configured (recoup.channels); the SMS that would be sent:
                To: Jane Doe <+4915112345678>
                Payment link: https://pay.example/cs_1

                Acme: INV-1, EUR 100.00 open. https://pay.example/cs_1
                """);
        assertThat(home.resolve("outbox/sms/notice-7~2.txt")).exists();
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
    }
}
