package io.recoup.routes.cluster;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * The cluster service behind {@code master:} routes when several instances share one PostgreSQL and nothing else: in
 * each namespace the instance that holds a session-level advisory lock leads. The lock's session is told to end when
 * it has been idle longer than the lease ({@code idle_session_timeout}, PostgreSQL 14 or later) and the leader touches
 * it every third of that, so a killed leader frees the lock at once and a frozen one within the lease; a leader that
 * finds its session gone gives the lead up before it looks for it again. On Kubernetes, Camel's Kubernetes lease
 * cluster service can take this one's place: the routes only name the namespace.
 */
public final class PostgresClusterService extends AbstractCamelClusterService<PostgresClusterView> {
    private final DataSource dataSource;
    private final Duration lease;

    /** {@code memberId} names this instance in the log (host and process, say); {@code lease} as the singleton leases. */
    public PostgresClusterService(DataSource dataSource, Duration lease, String memberId) {
        super("recoup-postgres-" + Objects.requireNonNull(memberId, "memberId"));
        if (lease.toMillis() < 3) {
            throw new IllegalArgumentException("recoup.cluster.lease-expiry: " + lease + " is too short to be kept alive");
        }
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.lease = lease;
    }

    @Override
    protected PostgresClusterView createView(String namespace) {
        return new PostgresClusterView(this, namespace, dataSource, lease);
    }
}
