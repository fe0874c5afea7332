package io.recoup.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URIs of the folders files arrive in (ledger exports, bank statements, status reports). A processed file moves
 * to {@code .done}, a file that failed as a whole to {@code .failed}, each with a time stamp, so the folder shows what
 * is still waiting; beside a failed file, {@link #recordFailure} leaves a {@code .reason} file saying why. An empty
 * file is taken like any other, so it fails by name instead of waiting in the folder forever.
 */
public final class FileInbox {
    private static final Logger LOG = LoggerFactory.getLogger(FileInbox.class);
    /** The stamp is the exchange's creation time, so the reason file can be given the name the move gives the file. */
    private static final String STAMP = "yyyyMMdd-HHmmssSSS";
    private static final String OPTIONS = "antInclude=%s&sortBy=file:name"
            + "&move=.done/${date:exchangeCreated:" + STAMP + "}-${file:name}"
            + "&moveFailed=.failed/${date:exchangeCreated:" + STAMP + "}-${file:name}";

    private FileInbox() {
    }

    /** The folder as a watcher reads it: a file is taken once it stopped growing, an empty one too. */
    public static String watch(String folder, String pattern) {
        return "file:" + folder + "?" + OPTIONS.formatted(pattern)
                + "&readLock=changed&readLockMinAge=1000&readLockMinLength=0&delay={{recoup.poll-delay:5000}}";
    }

    /** The same folder drained at once by a day run (the files are complete when it starts). */
    public static String drain(String folder, String pattern) {
        return "file:" + folder + "?" + OPTIONS.formatted(pattern) + "&readLock=none";
    }

    /**
     * Writes why the exchange's file failed into {@code .failed/<stamp>-<name>.reason} beside where the file is moved,
     * and logs it at WARN: a file that ends in {@code .failed} needs a person, who should not have to search the log.
     */
    public static void recordFailure(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String parent = exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class);
        if (failure == null || name == null || parent == null) {
            return; // not a failed file: nothing was moved to .failed
        }
        String stamp = new SimpleDateFormat(STAMP).format(new Date(exchange.getClock().getCreated()));
        Path reason = Path.of(parent, ".failed", stamp + "-" + name + ".reason");
        String why = reasonOf(failure);
        LOG.warn("{} moved to {}: {}", name, reason.getParent(), why);
        try {
            Files.createDirectories(reason.getParent());
            Files.writeString(reason, why + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reason, e);
        }
    }

    /** The failure's message and the messages of its causes that add something, as one line. */
    private static String reasonOf(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && text.indexOf(message) < 0) {
                text.append(": ").append(message);
            }
        }
        return text.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
