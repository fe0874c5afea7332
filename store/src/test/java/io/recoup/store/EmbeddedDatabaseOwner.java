package io.recoup.store;

import java.nio.file.Path;

/**
 * A child JVM for {@link EmbeddedDatabaseIT}: either a process that owns an embedded PostgreSQL and never stops it (the
 * test kills it with SIGKILL, as an operator or the kernel's out-of-memory killer would), or, given {@code --tests},
 * one that uses the tests' database and ends as a test JVM does.
 */
public final class EmbeddedDatabaseOwner {
    private EmbeddedDatabaseOwner() {
    }

    /** Starts the server on the data directory given as the only argument, says "ready", and waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("--tests")) {
            TestDatabase.fresh();
            System.out.println("data in " + TestDatabase.server().dataDirectory());
            return;
        }
        EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(args[0]));
        System.out.println("ready on port " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
