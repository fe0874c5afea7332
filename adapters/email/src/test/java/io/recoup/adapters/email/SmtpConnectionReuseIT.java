package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpConnectionReuseIT {
    private CountingGreenMail server;
    private SmtpReminderChannel channel;

    @BeforeEach
    void start() {
        server = new CountingGreenMail(0);
        server.start();
        channel = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), "ar@recoup.example",
                Optional.empty(), Optional.empty(), false));
    }

    @AfterEach
    void stop() {
        channel.endOfRun();
        server.stop();
    }

    private static ReminderMessage reminder(int i) {
        return new ReminderMessage("notice-" + i, "Customer " + i, "ap" + i + "@customer.example", "Invoice " + i + " is due",
                "Please pay invoice " + i + ".\n");
    }

    @Test
    void sendsTheRemindersOfOneRunOnOneConnectionEachAnsweredOnItsOwn() throws Exception {
        IntStream.range(0, 5).forEach(i -> assertThat(channel.deliver(reminder(i)))
                .isEqualTo(new DeliveryResult.Sent("<notice-" + i + "@recoup>")));
        assertThat(server.connections()).isEqualTo(1);
        assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpConnectionReuseIT::messageId))
                .containsExactly("<notice-0@recoup>", "<notice-1@recoup>", "<notice-2@recoup>", "<notice-3@recoup>", "<notice-4@recoup>");
    }

    @Test
    void opensANewConnectionAfterTheEndOfARun() {
        channel.deliver(reminder(1));
        channel.endOfRun();
        channel.deliver(reminder(2));
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.getReceivedMessages()).hasSize(2);
    }

    @Test
    void opensANewConnectionAfterTheServerLimitOfMessagesPerConnection() {
        IntStream.range(0, SmtpConnection.MAX_MESSAGES + 1).forEach(i -> channel.deliver(reminder(i)));
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.getReceivedMessages()).hasSize(SmtpConnection.MAX_MESSAGES + 1);
    }

    @Test
    void sendsOnANewConnectionWhenTheServerDroppedTheKeptOne() {
        channel.deliver(reminder(1));
        int port = server.getSmtp().getPort();
        server.stop();
        server = new CountingGreenMail(port);
        server.start();
        DeliveryResult second = channel.deliver(reminder(2));
        assertThat(second).isEqualTo(new DeliveryResult.Sent("<notice-2@recoup>"));
        assertThat(server.getReceivedMessages()).extracting(SmtpConnectionReuseIT::messageId).containsExactly("<notice-2@recoup>");
    }

    @Test
    void aRefusedRecipientOnAKeptConnectionIsABounceAndTheNextMessageStillGoesOut() {
        channel.deliver(reminder(1));
        assertThat(channel.deliver(new ReminderMessage("notice-x", "X", "not an address", "s", "b")))
                .isInstanceOf(DeliveryResult.Bounced.class);
        assertThat(channel.deliver(reminder(3))).isEqualTo(new DeliveryResult.Sent("<notice-3@recoup>"));
        assertThat(server.getReceivedMessages()).hasSize(2);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
