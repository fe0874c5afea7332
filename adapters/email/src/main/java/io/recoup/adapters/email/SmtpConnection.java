package io.recoup.adapters.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;

/**
 * One thread's SMTP connection, kept open from one message to the next so that a dispatch run does not pay a TCP
 * connect, greeting and EHLO (and STARTTLS and login where configured) for every reminder. It is opened again after
 * {@link #MAX_MESSAGES} messages (servers limit messages per connection) and after {@link #MAX_IDLE} without a send
 * (servers close idle connections), and dropped after any failure, so a connection in doubt is never used again.
 * Not thread-safe: the channel keeps one per sending thread.
 */
final class SmtpConnection {
    static final int MAX_MESSAGES = 100;
    static final Duration MAX_IDLE = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(SmtpConnection.class.getName());

    private final Session session;
    private Transport transport;
    private int sent;
    private long lastUsedNanos;

    SmtpConnection(Session session) {
        this.session = session;
    }

    /**
     * Sends {@code message} on the open connection, or on a new one. When the send fails on a connection that had
     * already carried a message (the server may have closed it meanwhile), it is tried once more on a new connection:
     * the message keeps its Message-ID, so this is the same resend a deferral would lead to on the next run.
     */
    void send(MimeMessage message) throws MessagingException {
        boolean reused = usable();
        try {
            sendOnce(message);
        } catch (MessagingException e) {
            close();
            if (!reused || rejectedRecipient(e)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "send on a reused SMTP connection failed ({0}); trying once on a new one", e.getMessage());
            sendOnce(message);
        }
    }

    private void sendOnce(MimeMessage message) throws MessagingException {
        if (transport == null) {
            transport = session.getTransport("smtp");
            transport.connect();
            sent = 0;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close();
            throw e;
        }
        sent++;
        lastUsedNanos = System.nanoTime();
    }

    /** Whether the open connection may carry one more message; if not, it is closed. */
    private boolean usable() {
        if (transport == null) {
            return false;
        }
        if (sent >= MAX_MESSAGES || System.nanoTime() - lastUsedNanos > MAX_IDLE.toNanos()) {
            close();
            return false;
        }
        return true;
    }

    private static boolean rejectedRecipient(MessagingException e) {
        return e instanceof jakarta.mail.SendFailedException f && f.getInvalidAddresses() != null
                && f.getInvalidAddresses().length > 0;
    }

    /** Says QUIT and closes; a failure to say goodbye changes nothing for the messages already accepted. */
    void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the SMTP connection failed: {0}", e.getMessage());
        }
        transport = null;
    }
}
