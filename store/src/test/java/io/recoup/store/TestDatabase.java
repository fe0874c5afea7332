package io.recoup.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database for each call, so tests
 * never see each other's rows. Shared with other modules through the store's test jar.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("recoup-test-pg");
                server = EmbeddedDatabase.start(dir.resolve("data"));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
