package io.recoup.store;

import java.nio.file.Path;

/**
 * A process that owns an embedded PostgreSQL and never stops it: started by {@link EmbeddedDatabaseIT} in a child JVM,
 * which it then kills with SIGKILL, as an operator or the kernel's out-of-memory killer would.
 */
public final class EmbeddedDatabaseOwner {
    private EmbeddedDatabaseOwner() {
    }

    /** Starts the server on the data directory given as the only argument, says "ready", and waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(args[0]));
        System.out.println("ready on port " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
