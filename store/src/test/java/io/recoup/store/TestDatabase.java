package io.recoup.store;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database for each call, so tests
 * never see each other's rows. The server does not flush to disk (a test database need not survive a machine crash)
 * and its folder is deleted when the JVM ends. Shared with other modules through the store's test jar.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

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
        String name = "recoup_test_" + COUNTER.incrementAndGet();
        new JdbcTemplate(server().dataSource()).execute("create database " + name);
        DataSource dataSource = server().dataSource(name);
        Database.migrate(dataSource);
        return dataSource;
    }
}
