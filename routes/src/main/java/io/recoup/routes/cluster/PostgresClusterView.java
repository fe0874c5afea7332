package io.recoup.routes.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of {@link PostgresClusterService}: a timer that, while this instance does not lead, tries the
 * namespace's advisory lock ({@code pg_try_advisory_lock}, never waiting), and while it leads, checks that the session
 * holding the lock is still there, which also keeps it from timing out. Only this instance is known as a member: the
 * others are known to PostgreSQL alone.
 */
final class PostgresClusterView extends AbstractCamelClusterView {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresClusterView.class);
    /** The advisory lock's first key, so these locks never meet the stages' leases (single-key locks). */
    private static final int LOCK_CLASS = 7310;

    private final DataSource dataSource;
    private final Duration lease;
    private final CamelClusterMember local = new Local();
    private ScheduledExecutorService timer;
    private Connection session;
    private volatile boolean leader;
    /** After losing its session this instance waits a lease before it tries again, so a healthy one takes the lead. */
    private long notBefore = System.nanoTime();

    PostgresClusterView(PostgresClusterService service, String namespace, DataSource dataSource, Duration lease) {
        super(service, namespace);
        this.dataSource = dataSource;
        this.lease = lease;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recoup-cluster-" + getNamespace());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 0, Math.max(1, lease.toMillis() / 3), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
        giveUp();
    }

    /** One tick: keep the lead while the session lives, else give it up; without the lead, try to take it. */
    private void check() {
        try {
            if (session != null && !session.isValid(Math.max(1, (int) lease.toSeconds()))) {
                LOG.warn("{}: the session holding the lead is gone (frozen longer than the lease, or the database restarted)",
                        getNamespace());
                giveUp();
                notBefore = System.nanoTime() + lease.toNanos();
            }
            if (!leader && System.nanoTime() - notBefore >= 0) {
                tryLead();
            }
        } catch (SQLException e) {
            LOG.warn("{}: the lead cannot be checked and is given up: {}", getNamespace(), e.getMessage());
            giveUp();
            notBefore = System.nanoTime() + lease.toNanos();
        }
    }

    private void tryLead() throws SQLException {
        if (session == null) {
            session = dataSource.getConnection();
            session.setAutoCommit(true);
            try (Statement s = session.createStatement()) {
                s.execute("set idle_session_timeout = " + lease.toMillis());
            }
        }
        try (PreparedStatement s = session.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, getNamespace());
            try (ResultSet rs = s.executeQuery()) {
                leader = rs.next() && rs.getBoolean(1);
            }
        }
        if (leader) {
            LOG.info("{}: this instance leads", getNamespace());
            fireLeadershipChangedEvent(local);
        }
    }

    /** Stops leading and hands the session back without the lock, or drops it when it is broken. */
    private void giveUp() {
        if (leader) {
            leader = false;
            fireLeadershipChangedEvent(Optional.empty());
        }
        if (session == null) {
            return;
        }
        try (Connection c = session) {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_unlock_all()");
                s.execute("reset idle_session_timeout");
            }
        } catch (SQLException gone) {
            LOG.debug("{}: the session was already gone: {}", getNamespace(), gone.getMessage());
        }
        session = null;
    }

    /** This instance, as its cluster service names it. */
    private final class Local implements CamelClusterMember {
        @Override
        public String getId() {
            return getClusterService().getId();
        }

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }
    }
}
