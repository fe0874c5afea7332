package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.port.Attachment;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.InlineImage;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Through a real SMTP server: the reminder's text and HTML side by side, its QR code inline, its letter attached. */
class HtmlReminderIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '7'};

    private DeliveryResult send(ReminderMessage message) {
        return new SmtpReminderChannel(new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "ar@recoup.example",
                Optional.empty(), Optional.empty(), false)).deliver(message);
    }

    @Test
    void sendsTextAndHtmlAsAlternativesInsideRelatedWithTheQrCodeAsAnInlineImageAndTheLetterAttached() throws Exception {
        ReminderMessage message = new ReminderMessage("notice-7", "Acme", "ap@acme.example", "Reminder", "Please pay.",
                List.of(new Attachment("letter.pdf", "application/pdf", PDF)),
                Optional.of("<p>Please pay.</p><img src=\"cid:qr-1@recoup\">"),
                List.of(new InlineImage("qr-1@recoup", new Attachment("pay-INV-1.png", "image/png", PNG))));
        assertThat(send(message)).isInstanceOf(DeliveryResult.Sent.class);

        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
        MimeMultipart related = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(related.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternative = (MimeMultipart) related.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Please pay.");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        MimeBodyPart qr = (MimeBodyPart) related.getBodyPart(1);
        assertThat(qr.getContentID()).isEqualTo("<qr-1@recoup>");
        assertThat(qr.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(qr.getInputStream().readAllBytes()).isEqualTo(PNG);
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("letter.pdf");
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("application/pdf");

        MimeParts parts = MimeParts.of(received);
        assertThat(parts.text()).isEqualTo("Please pay.");
        assertThat(parts.html()).contains("<p>Please pay.</p><img src=\"cid:qr-1@recoup\">");
        assertThat(parts.files()).hasSize(2);
    }

    @Test
    void offersAMailtoUnsubscribeNamingTheNotice() throws Exception {
        send(new ReminderMessage("notice-9", "Acme", "ap@acme.example", "Reminder", "Please pay.",
                List.of(), Optional.of("<p>Please pay.</p>"), List.of()));
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<mailto:ar@recoup.example?subject=unsubscribe%20notice-9>");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        assertThat(received.getHeader("List-Unsubscribe-Post")).as("no one-click without an address to post to").isNull();
    }

    @Test
    void offersAOneClickUnsubscribeFirstWhenTheReminderNamesItsAddress() throws Exception {
        send(new ReminderMessage("notice-9", "Acme", "ap@acme.example", "Reminder", "Please pay.", List.of(),
                Optional.of("<p>Please pay.</p>"), List.of(), java.util.Map.of("unsubscribe.url", "https://recoup.example/unsubscribe/dTk.abc")));
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://recoup.example/unsubscribe/dTk.abc>, <mailto:ar@recoup.example?subject=unsubscribe%20notice-9>");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    }
}
