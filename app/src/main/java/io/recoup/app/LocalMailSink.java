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
import java.util.List;

/**
 * The embedded default for e-mail: a real SMTP server (GreenMail) on a free local port that accepts every message
 * and writes it as an {@code .eml} file into a folder the user can open. Nothing leaves the machine.
 */
public final class LocalMailSink implements AutoCloseable {
    private final GreenMail server;
    private final Path folder;
    private int written;

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
            for (; written < received.length; written++) {
                MimeMessage message = received[written];
                String id = message.getMessageID() == null ? "message" : message.getMessageID().replaceAll("[^A-Za-z0-9@.-]", "");
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

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }
}
