package io.recoup.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
            }
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException("cannot write received mail into " + folder, e instanceof IOException io ? io : new IOException(e));
        }
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
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }
}
