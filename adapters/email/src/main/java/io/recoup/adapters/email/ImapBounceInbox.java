package io.recoup.adapters.email;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.DeliveryReports;
import io.recoup.core.port.DeliveryStatus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The mailbox our reminders' bounces arrive in, read over IMAP: each unseen message is read as a delivery status
 * notification ({@link DeliveryStatusNotification}); the bounces are handed on, and only then is every message read
 * marked seen, so a crash in between reads them again. A message that is not a bounce of ours is counted with why,
 * and marked seen too, so it is not read again.
 */
public final class ImapBounceInbox implements DeliveryReports {
    private final ImapSettings settings;
    private final Clock clock;

    public ImapBounceInbox(ImapSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Where the bounces are: host, port, login, folder, and whether the connection is TLS ({@code imaps}). */
    public record ImapSettings(String host, int port, String username, String password, String folder, boolean tls) {
        @Override
        public String toString() {
            return (tls ? "imaps://" : "imap://") + host + ":" + port + "/" + folder; // never the password
        }
    }

    @Override
    public Scan poll(Consumer<List<DeliveryStatus>> apply) {
        Properties props = new Properties();
        String protocol = settings.tls() ? "imaps" : "imap";
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        try (Store store = Session.getInstance(props).getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                List<DeliveryStatus> bounces = new ArrayList<>();
                List<String> ignored = new ArrayList<>();
                for (Message message : unseen) {
                    DeliveryStatusNotification.Result result = read(message);
                    result.bounce().ifPresentOrElse(bounces::add, () -> ignored.add(result.notABounce()));
                }
                try {
                    apply.accept(bounces);
                } catch (RuntimeException e) {
                    // reading a message's body marks it seen on the server: unmark, so the next poll reads it again
                    for (Message message : unseen) {
                        message.setFlag(Flags.Flag.SEEN, false);
                    }
                    throw e;
                }
                for (Message message : unseen) {
                    message.setFlag(Flags.Flag.SEEN, true);
                }
                return new Scan(unseen.length, bounces.size(), ignored);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new RecoupException(ErrorCode.CHANNEL_FAILURE,
                    "cannot read the bounce mailbox " + settings + ": " + e.getMessage(), e);
        }
    }

    private DeliveryStatusNotification.Result read(Message message) throws MessagingException {
        try {
            return DeliveryStatusNotification.read(message, clock.instant());
        } catch (IOException | MessagingException e) {
            return new DeliveryStatusNotification.Result(Optional.empty(), "unreadable: " + e.getMessage());
        }
    }
}
