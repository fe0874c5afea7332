package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpReminderChannelIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpReminderChannel channel() {
        return new SmtpReminderChannel(new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "ar@recoup.example",
                Optional.empty(), Optional.empty(), false));
    }

    @Test
    void deliversAUtf8ReminderWithAMessageIdDerivedFromTheAction() throws Exception {
        DeliveryResult result = channel().deliver(new ReminderMessage("action-42", "Müller GmbH", "ap@mueller.example",
                "Rechnung INV-1 ist fällig", "Bitte zahlen Sie EUR 10.00.\nReferenz: RF98INV2026000123\n"));
        assertThat(result).isEqualTo(new DeliveryResult.Sent("<action-42@recoup>"));
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Rechnung INV-1 ist fällig");
        assertThat(received[0].getMessageID()).isEqualTo("<action-42@recoup>");
        assertThat(received[0].getAllRecipients()[0].toString()).contains("ap@mueller.example");
        assertThat(GreenMailUtil.getBody(received[0])).contains("RF98INV2026000123");
    }

    @Test
    void reportsAnInvalidAddressAsABounce() {
        DeliveryResult result = channel().deliver(new ReminderMessage("a-1", "X", "not an address", "s", "b"));
        assertThat(result).isInstanceOf(DeliveryResult.Bounced.class);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void reportsAnUnreachableServerAsDeferred() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult result = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", closedPort, "ar@recoup.example",
                Optional.empty(), Optional.empty(), false)).deliver(new ReminderMessage("a-2", "X", "x@example.com", "s", "b"));
        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Deferred.class,
                d -> assertThat(d.reason()).contains("cannot send through 127.0.0.1:" + closedPort));
    }
}
