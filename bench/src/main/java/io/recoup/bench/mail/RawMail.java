package io.recoup.bench.mail;

import io.recoup.core.port.Attachment;
import io.recoup.core.port.InlineImage;
import io.recoup.core.port.ReminderMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;

/**
 * The baseline: the same message built with plain Jakarta Mail (text and HTML as alternatives, the images related)
 * and sent with {@link Transport#send}, one connection per message as Recoup's channel does. Nothing of Recoup's.
 */
final class RawMail {
    private final Session session;
    private final String from;

    RawMail(String host, int port, String from) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        this.session = Session.getInstance(props);
        this.from = from;
    }

    void send(ReminderMessage m) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipientAddress()));
            message.setSubject(m.subject(), "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.body(), "UTF-8");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html().orElseThrow(), "UTF-8", "html");
            alternative.addBodyPart(html);
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart wrapped = new MimeBodyPart();
            wrapped.setContent(alternative);
            related.addBodyPart(wrapped);
            for (InlineImage image : m.inline()) {
                Attachment a = image.image();
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setContentID("<" + image.contentId() + ">");
                related.addBodyPart(part);
            }
            message.setContent(related);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("raw send failed: " + e.getMessage(), e);
        }
    }
}
