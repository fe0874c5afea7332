package io.recoup.bench.mail;

import io.recoup.adapters.email.NoDelaySockets;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.core.port.Attachment;
import io.recoup.core.port.InlineImage;
import io.recoup.core.port.ReminderMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Properties;

/**
 * The baseline: the same message built with plain Jakarta Mail (text and HTML as alternatives, the images related and
 * inline with their file names, the recipient's name, the {@code List-Unsubscribe} header Recoup's channel writes, so
 * the server receives the same parts and headers, only Message-ID and Date differ: {@link SameMessage} checks it) and
 * sent on one kept connection, opened again every {@link SmtpReminderChannel#MESSAGES_PER_CONNECTION} messages and
 * closed at the end of a batch, on sockets with Nagle's algorithm off ({@link NoDelaySockets}), as Recoup's channel
 * does in a dispatch run: both sides follow the same connection policy. Nothing of Recoup's but that number and those
 * sockets.
 */
final class RawMail {
    private final Session session;
    private final String from;
    private Transport transport;
    private int sentOnConnection;

    RawMail(String host, int port, String from) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.socketFactory", new NoDelaySockets());
        this.session = Session.getInstance(props);
        this.from = from;
    }

    void send(ReminderMessage m) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipientAddress(), m.recipientName(), "UTF-8"));
            message.setSubject(m.subject(), "UTF-8");
            message.setHeader("List-Unsubscribe", "<mailto:" + from + "?subject=unsubscribe%20" + m.idempotencyKey() + ">");
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
                part.setFileName(a.fileName());
                part.setContentID("<" + image.contentId() + ">");
                part.setDisposition(Part.INLINE);
                related.addBodyPart(part);
            }
            message.setContent(related);
            message.saveChanges();
            send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("raw send failed: " + e.getMessage(), e);
        }
    }

    /** Sends a message built already (one a server received, say) on the kept connection, as it is. */
    void send(MimeMessage message) {
        try {
            connection().sendMessage(message, message.getAllRecipients());
            sentOnConnection++;
        } catch (MessagingException e) {
            throw new IllegalStateException("raw send failed: " + e.getMessage(), e);
        }
    }

    private Transport connection() throws MessagingException {
        if (transport != null && sentOnConnection >= SmtpReminderChannel.MESSAGES_PER_CONNECTION) {
            transport.close();
            transport = null;
        }
        if (transport == null) {
            transport = session.getTransport("smtp");
            transport.connect();
            sentOnConnection = 0;
        }
        return transport;
    }

    /** The end of a batch: says QUIT, the next message opens a new connection. */
    void endOfBatch() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            throw new IllegalStateException("raw close failed: " + e.getMessage(), e);
        }
        transport = null;
    }
}
