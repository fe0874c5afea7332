package io.recoup.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.recoup.core.port.ReminderChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default for e-mail: a real SMTP server (GreenMail) on a free local port that accepts every message
 * and writes it as an {@code .eml} file, named by its Message-ID, into a folder the user can open. Nothing leaves the
 * machine. A message delivered twice is written twice ({@code <id>~2.eml}), whether in one run or after a restart, so a
 * duplicate send shows in the folder as it would in the customer's mailbox.
 */
public final class LocalMailSink implements AutoCloseable {
    private final GreenMail server;
    private final Path folder;
    // GreenMail lists messages per mailbox, not in arrival order, so what was written is counted per Message-ID
    private final Map<String, Integer> written = new HashMap<>();
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
        Map<String, List<MimeMessage>> byId = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (MimeMessage message : server.getReceivedMessages()) {
                String id = message.getMessageID() == null ? "message-" + byId.size() : message.getMessageID().replaceAll("[^A-Za-z0-9@.-]", "");
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(message);
            }
            for (Map.Entry<String, List<MimeMessage>> copies : byId.entrySet()) {
                int done = written.getOrDefault(copies.getKey(), 0);
                for (MimeMessage message : copies.getValue().subList(done, copies.getValue().size())) {
                    Path file = freeName(copies.getKey());
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                        message.writeTo(out);
                    }
                    files.add(file);
                    notYetReported.add(file);
                }
                written.put(copies.getKey(), copies.getValue().size());
            }
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException("cannot write received mail into " + folder, e instanceof IOException io ? io : new IOException(e));
        }
        return files;
    }

    /** {@code <id>.eml}, or {@code <id>~2.eml}, {@code <id>~3.eml}, ... when a message with that id was written before. */
    private Path freeName(String id) {
        Path file = folder.resolve(id + ".eml");
        for (int copy = 2; Files.exists(file); copy++) {
            file = folder.resolve(id + "~" + copy + ".eml");
        }
        return file;
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
        return new AfterDelivery(channel, this::flush);
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @Override
    public void close() {
        server.stop();
    }
}
