package io.recoup.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedded default for e-mail: a real SMTP server (GreenMail) on a free local port that accepts every message
 * and writes it as an {@code .eml} file into a folder the user can open. Nothing leaves the machine.
 */
public final class LocalMailSink implements AutoCloseable {
    private final GreenMail server;
    private final Path folder;
    // GreenMail lists messages per mailbox, not in arrival order, so what was written is tracked by Message-ID
    private final Set<String> written = new HashSet<>();
    private final List<Path> notYetReported = new ArrayList<>();

    public LocalMailSink(Path folder) {
        this.folder = folder;
        this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public Path folder() {
        return folder;
    }

    /** Writes the messages received since the last call into the folder; returns their file names. */
    public synchronized List<Path> flush() {
        MimeMessage[] received = server.getReceivedMessages();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (MimeMessage message : received) {
                String id = message.getMessageID() == null ? "message-" + written.size() : message.getMessageID().replaceAll("[^A-Za-z0-9@.-]", "");
                if (!written.add(id)) {
                    continue;
                }
                Path file = folder.resolve(id + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                files.add(file);
                notYetReported.add(file);
            }
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException("cannot write received mail into " + folder, e instanceof IOException io ? io : new IOException(e));
        }
        return files;
    }

    /** Writes what is new, then returns every file written since the last call (the demo prints them per day). */
    public synchronized List<Path> takeWritten() {
        flush();
        List<Path> files = List.copyOf(notYetReported);
        notYetReported.clear();
        return files;
    }

    /** Forgets every message received so far (the demo's --reset). */
    public synchronized void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot empty the local mail sink", e);
        }
        written.clear();
        notYetReported.clear();
    }

    /** The given channel, with every message it sends written into the folder at once. */
    public ReminderChannel writingAfterEachSend(ReminderChannel channel) {
        return new ReminderChannel() {
            @Override
            public Channel channel() {
                return channel.channel();
            }

            @Override
            public DeliveryResult deliver(ReminderMessage message) {
                DeliveryResult result = channel.deliver(message);
                flush();
                return result;
            }

            @Override
            public boolean deduplicates() {
                return channel.deduplicates();
            }
        };
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }
}
