package io.recoup.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the stages see it: a JDBC template, one transaction per unit of work, and the clock every row's
 * timestamp comes from.
 */
public final class Database {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Database(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // inside a transaction PostgreSQL then streams large results instead of loading them whole
        this.jdbc.setFetchSize(10_000);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Brings the schema up to date (Flyway migrations in {@code db/migration}). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** The JDBC template of the repositories; stages use repositories, never SQL of their own. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Now on the application clock, as every row's timestamp. */
    public Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public Clock clock() {
        return clock;
    }
}
