package io.recoup.adapters.email;

import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends reminders by SMTP. The Message-ID is derived from the notice's idempotency key, so if a send is repeated
 * after an unclear failure the receiving side sees the same message id. A refused recipient is a bounce (try the next
 * channel); a connection or server failure is deferred (try again later). Each sending thread keeps its connection
 * open from one message to the next ({@link SmtpConnection}) until the dispatcher's {@link #endOfRun()}; every message
 * is still answered on its own, so the outbox records each notice's outcome exactly as with a connection per message.
 */
public final class SmtpReminderChannel implements ReminderChannel {
    /** The reminder's value naming its one-click unsubscribe address, when it has one. */
    static final String UNSUBSCRIBE_URL = "unsubscribe.url";
    /** How many messages one kept connection carries before it is opened again. */
    public static final int MESSAGES_PER_CONNECTION = SmtpConnection.MAX_MESSAGES;

    private final SmtpSettings settings;
    private final Session session;
    private final ThreadLocal<SmtpConnection> connection;

    public SmtpReminderChannel(SmtpSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        props.put("mail.smtp.socketFactory", new NoDelaySockets());
        Authenticator auth = null;
        if (settings.username().isPresent()) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username().get(), settings.password().orElse(""));
                }
            };
        }
        this.session = Session.getInstance(props, auth);
        this.connection = ThreadLocal.withInitial(() -> new SmtpConnection(session));
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * True: a repeat carries the same Message-ID, so it is the same message to the receiving side, which may drop it
     * (the local mail sink keeps one file per Message-ID; many mail systems show one message per id).
     */
    @Override
    public boolean deduplicates() {
        return true;
    }

    @Override
    public DeliveryResult deliver(ReminderMessage reminder) {
        InternetAddress to;
        try {
            to = new InternetAddress(reminder.recipientAddress(), reminder.recipientName(), StandardCharsets.UTF_8.name());
            to.validate();
        } catch (AddressException | UnsupportedEncodingException e) {
            return new DeliveryResult.Bounced("recipient address is not valid: " + e.getMessage());
        }
        String messageId = "<" + reminder.idempotencyKey() + "@recoup>";
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(reminder.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("List-Unsubscribe", unsubscribe(reminder));
            if (!reminder.value(UNSUBSCRIBE_URL).isBlank()) {
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeContent.fill(message, reminder);
            message.saveChanges();
            connection.get().send(message);
            return new DeliveryResult.Sent(messageId);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                return new DeliveryResult.Bounced("mail server refused the recipient: " + e.getMessage());
            }
            return new DeliveryResult.Deferred("mail server did not accept the message: " + e.getMessage());
        } catch (MessagingException e) {
            return new DeliveryResult.Deferred("cannot send through " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
    }

    /** Closes this thread's connection; the next message opens a new one. */
    @Override
    public void endOfRun() {
        connection.get().close();
        connection.remove();
    }

    /**
     * RFC 2369 and RFC 8058: where the reminder names its one-click address ({@code unsubscribe.url}, a signed link to
     * this instance), a mail client's "unsubscribe" posts there and the customer is opted out of e-mail at once; the
     * mail address after it (our sender, the notice's key in the subject) is for clients that only write mail, so a
     * person can record the opt-out.
     */
    private String unsubscribe(ReminderMessage reminder) {
        String mailto = "<mailto:" + settings.from() + "?subject=unsubscribe%20" + reminder.idempotencyKey() + ">";
        String url = reminder.value(UNSUBSCRIBE_URL);
        return url.isBlank() ? mailto : "<" + url + ">, " + mailto;
    }

    /** A message whose Message-ID we choose, instead of the random one Jakarta Mail assigns on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
