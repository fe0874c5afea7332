package io.recoup.store;

import java.time.Duration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The work only one instance may do at a time when several share the database (planning, matching, post-back), each
 * under a lease taken at the start of its transaction or not at all: {@link #tryTake} never waits, so an instance that
 * finds the lease held skips the run and goes on with the work every instance shares (dispatch). The lease is
 * PostgreSQL's transaction-level advisory lock, and it expires: in the holder's transaction the server ends the session
 * once it has sat idle, or waited on a row lock, for {@link Database#leaseExpiry()} (a frozen or hung instance), which
 * rolls its work back and frees the lock; a killed instance's connection closes and frees it at once. A holder that
 * wakes up later finds its connection gone and its transaction undone, so two holders never write at once.
 */
public final class Leases {
    /** The singleton work, each with its advisory lock key (planning kept 7301, the key its plain lock had). */
    public enum Work {
        PLANNING(7301), MATCHING(7303), POST_BACK(7304);

        private final long key;

        Work(long key) {
            this.key = key;
        }
    }

    private final Database db;

    public Leases(Database db) {
        this.db = db;
    }

    /**
     * Takes the lease on {@code work} for the current transaction, or returns false at once when another transaction
     * holds it. From here on the transaction is ended by the server when it stalls for longer than the lease.
     *
     * @throws IllegalStateException when called outside a transaction (the lease would end with the statement)
     */
    public boolean tryTake(Work work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the " + work + " lease is taken inside a transaction");
        }
        long millis = Math.max(1, db.leaseExpiry().toMillis());
        db.jdbc().execute("set local idle_in_transaction_session_timeout = " + millis);
        db.jdbc().execute("set local lock_timeout = " + millis);
        return Boolean.TRUE.equals(db.jdbc().queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, work.key));
    }

    /** How long a stalled holder keeps a lease; {@link Database#DEFAULT_LEASE} unless the database was given another. */
    public Duration expiry() {
        return db.leaseExpiry();
    }
}
