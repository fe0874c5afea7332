package io.recoup.store;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database for each call, so tests
 * never see each other's rows. The migrations run once per JVM, into a template database that each fresh one is copied
 * from ({@code create database ... template}); the copy is then given its own random installation id and link key, as
 * a database migrated on its own would have. The server does not flush to disk (a test database need not survive a
 * machine crash) and its folder is deleted when the JVM ends. Shared with other modules through the store's test jar.
 */
public final class TestDatabase {
    /** The migrated database every fresh one is copied from; nothing connects to it once it is migrated. */
    static final String TEMPLATE = "recoup_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;
    private static boolean templateMigrated;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            // the library stops the server when the JVM ends; the folder is deleted once it has
            server = EmbeddedDatabase.start(TemporaryFolders.create("recoup-test-pg").resolve("data"), EmbeddedDatabase.Durability.THROWAWAY);
        }
        return server;
    }

    /** A new empty database with the current schema. */
    public static DataSource fresh() {
        return server().dataSource(freshDatabase());
    }

    /** The JDBC URL (user {@code postgres}, no password) of a new empty database with the current schema. */
    public static String freshUrl() {
        return "jdbc:postgresql://localhost:" + server().port() + "/" + freshDatabase();
    }

    private static String freshDatabase() {
        String name = "recoup_test_" + COUNTER.incrementAndGet();
        copyTemplate(name);
        // what V11 and V26 draw at random per database, drawn again for the copy (TestDatabaseIT checks no other migration draws)
        new JdbcTemplate(server().dataSource(name)).update("update installation set id = (select string_agg(substr("
                + "'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '') from generate_series(1, 6)), "
                + "link_key = default, created_at = default");
        return name;
    }

    /** Copies the template (migrated on first use) into a new database; copies wait for each other, as PostgreSQL wants. */
    private static synchronized void copyTemplate(String name) {
        JdbcTemplate postgres = new JdbcTemplate(server().dataSource());
        if (!templateMigrated) {
            postgres.execute("create database " + TEMPLATE);
            Database.migrate(server().dataSource(TEMPLATE));
            templateMigrated = true;
        }
        // file_copy: with fsync off its checkpoint is cheap, and it copies a small database faster than wal_log
        postgres.execute("create database " + name + " template " + TEMPLATE + " strategy file_copy");
    }
}
