package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.port.Attachment;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AttachmentIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void sendsTheTextAndEachAttachmentAsItsOwnPart() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        DeliveryResult result = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "ar@recoup.example",
                Optional.empty(), Optional.empty(), false)).deliver(new ReminderMessage("notice-7", "Acme", "ap@acme.example",
                "Reminder", "Please pay.", List.of(new Attachment("pay-INV-1.png", "image/png", png))));
        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        MimeMultipart parts = (MimeMultipart) mail.getReceivedMessages()[0].getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Please pay.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("pay-INV-1.png");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("image/png");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(png);
    }
}
