package io.recoup.adapters.email;

import io.recoup.core.port.Attachment;
import io.recoup.core.port.InlineImage;
import io.recoup.core.port.ReminderMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;

/**
 * The MIME structure of a reminder: {@code multipart/mixed} (only with attachments) around {@code multipart/related}
 * (only with inline images) around {@code multipart/alternative} (text, then HTML, so a client shows the last part it
 * can), or a single text part when the reminder has neither HTML nor files.
 */
final class MimeContent {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeContent() {}

    static void fill(MimeMessage message, ReminderMessage reminder) throws MessagingException {
        if (reminder.html().isEmpty() && reminder.attachments().isEmpty()) {
            message.setText(reminder.body(), UTF_8);
            return;
        }
        if (reminder.attachments().isEmpty()) {
            message.setContent(related(reminder));
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(reminder.html().isPresent() ? wrap(related(reminder)) : text(reminder));
        for (Attachment a : reminder.attachments()) {
            MimeBodyPart file = file(a);
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
    }

    private static MimeBodyPart text(ReminderMessage reminder) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(reminder.body(), UTF_8);
        return text;
    }

    private static MimeMultipart related(ReminderMessage reminder) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text(reminder));
        MimeBodyPart html = new MimeBodyPart();
        html.setText(reminder.html().orElseThrow(), UTF_8, "html");
        alternative.addBodyPart(html);
        if (reminder.inline().isEmpty()) {
            return alternative;
        }
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(wrap(alternative));
        for (InlineImage image : reminder.inline()) {
            MimeBodyPart part = file(image.image());
            part.setContentID("<" + image.contentId() + ">");
            part.setDisposition(Part.INLINE);
            related.addBodyPart(part);
        }
        return related;
    }

    private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(multipart);
        return part;
    }

    private static MimeBodyPart file(Attachment a) throws MessagingException {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
        file.setFileName(a.fileName());
        return file;
    }
}
