package io.recoup.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the stages see it: a JDBC template, one transaction per unit of work, and the clock every row's
 * timestamp comes from.
 */
public final class Database {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;

    public Database(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // inside a transaction PostgreSQL then streams large results instead of loading them whole
        this.jdbc.setFetchSize(10_000);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.savepoints = new TransactionTemplate(manager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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

    /**
     * Inside a transaction, runs {@code work} behind a savepoint: when it throws, only its own writes are undone and
     * the transaction goes on, so one record the database refuses does not undo the others of the same file.
     */
    public <T> T inSavepoint(Supplier<T> work) {
        return savepoints.execute(status -> work.get());
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
