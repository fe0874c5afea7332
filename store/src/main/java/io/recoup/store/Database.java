package io.recoup.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the stages see it: a JDBC template, one transaction per unit of work, and the clock every row's
 * timestamp comes from.
 */
public final class Database {
    /** A singleton lease's default expiry: longer than any pause of a healthy run between two statements. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;
    private final Duration leaseExpiry;

    public Database(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_LEASE);
    }

    /**
     * With {@code leaseExpiry}: how long an instance holding a singleton lease ({@link Leases}) may stall (frozen, hung
     * on a lock) before the server ends its transaction and another instance takes the work over.
     */
    public Database(DataSource dataSource, Clock clock, Duration leaseExpiry) {
        if (leaseExpiry.isNegative() || leaseExpiry.isZero()) {
            throw new IllegalArgumentException("recoup.cluster.lease-expiry: " + leaseExpiry + " is not a positive duration");
        }
        this.leaseExpiry = leaseExpiry;
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
     * Runs {@code work} inside the current transaction behind a savepoint: when it throws, what it wrote is undone and
     * the exception goes on, but the transaction (and the row locks it took before) stays usable, so the caller can
     * record why the work failed in the same unit of work.
     */
    public <T> T underSavepoint(Supplier<T> work) {
        return savepoints.execute(status -> work.get());
    }

    /**
     * Whether {@code failure} is the database's passing trouble (a lost connection, a lock or serialization conflict,
     * a transaction that could not start), worth trying again on the next run, rather than something wrong with the
     * work itself.
     */
    public static boolean isPassing(RuntimeException failure) {
        return failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
                || failure instanceof DataAccessResourceFailureException || failure instanceof TransactionException;
    }

    /** The JDBC template of the repositories; stages use repositories, never SQL of their own. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Now on the application clock, as every row's timestamp. */
    public Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** How long a stalled holder keeps a singleton lease ({@link Leases}). */
    public Duration leaseExpiry() {
        return leaseExpiry;
    }

    public Clock clock() {
        return clock;
    }
}
