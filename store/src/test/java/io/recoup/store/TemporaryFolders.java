package io.recoup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders for tests that leave nothing behind in {@code /tmp}: a test home holds an embedded PostgreSQL's
 * data (tens of MB each), so it is deleted when the JVM ends, once the server using it has stopped. Shared with other
 * modules through the store's test jar.
 */
public final class TemporaryFolders {
    /** How long the JVM's end waits for a server in the folder to stop; Surefire ends a JVM whose exit takes 30 s. */
    private static final long STOP_WAIT_MILLIS = 20_000;

    private TemporaryFolders() {
    }

    /** A new temporary folder, deleted when the JVM ends after any PostgreSQL server with its data inside has stopped. */
    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitNoServerIn(folder);
                deleteInBackground(folder);
            }, "delete " + folder));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /** Deletes the folder and everything in it; a file that vanished meanwhile is fine. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Moves the folder out of the way at once and has a process of its own delete it: the tests' server holds a database
     * per test (tens of thousands of files), which can take longer to delete than Surefire gives an ending JVM (30 s),
     * and a JVM ended there left the rest behind. Where no {@code rm} can be started the JVM deletes it itself.
     */
    private static void deleteInBackground(Path folder) {
        Path doomed;
        try {
            doomed = Files.move(folder, folder.resolveSibling(folder.getFileName() + ".deleting"));
        } catch (IOException e) {
            delete(folder);
            return;
        }
        try {
            new ProcessBuilder("rm", "-rf", doomed.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            delete(doomed);
        }
    }

    /** Shutdown hooks run at the same time: wait until every server with data in the folder has removed its pid file. */
    private static void awaitNoServerIn(Path folder) {
        long until = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (hasRunningServer(folder) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean hasRunningServer(Path folder) {
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            return walk.anyMatch(p -> p.getFileName().toString().equals("postmaster.pid"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
