package io.recoup.app.ops;

import io.recoup.routes.ingest.SyncReport;
import io.recoup.store.ops.Readings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health of what Recoup depends on besides its database, each part with details an admin may read and no secret
 * (no password, key or token; hosts and folders only). A dependency outside Recoup that fails (an ERP, the SMTP
 * server) is {@link #DEGRADED}, answered 200: the instance still works and must not be taken out of the load
 * balancer for it. Only Recoup's own database makes the whole check DOWN.
 */
public final class DependencyHealth {
    /** Something Recoup depends on fails; Recoup itself works and keeps what it must send or post until it is back. */
    public static final Status DEGRADED = new Status("DEGRADED", "a dependency outside Recoup fails; work waits for it");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private DependencyHealth() {
    }

    /** The CSV ledger's inbox: there and readable. */
    public static HealthIndicator folder(Path inbox) {
        return () -> Files.isDirectory(inbox) && Files.isReadable(inbox)
                ? Health.up().withDetail("inbox", inbox.toString()).build()
                : Health.status(DEGRADED).withDetail("inbox", inbox.toString()).withDetail("reason", "not a readable folder").build();
    }

    /** A source read over an API: how its last sync on this instance went, and when any instance last synced it. */
    public static HealthIndicator apiSource(String source, Readings readings, Function<String, Optional<SyncReport>> lastRun) {
        return () -> {
            Optional<Readings.SourceStanding> standing = readings.source(source);
            Health.Builder health = lastRun.apply(source).map(run -> run.failed()
                    ? Health.status(DEGRADED).withDetail("lastFailure", run.failure()) : Health.up())
                    .orElse(standing.isPresent() ? Health.up() : Health.unknown().withDetail("reason", "not synced yet"));
            standing.flatMap(Readings.SourceStanding::lastSync).ifPresent(at -> health.withDetail("lastSync", at.toString()));
            standing.map(Readings.SourceStanding::lastOutcome).ifPresent(outcome -> health.withDetail("lastOutcome", outcome));
            return health.build();
        };
    }

    /** The SMTP server, by opening a connection (no login, nothing sent); the local mail sink is always up. */
    public static HealthIndicator smtp(Optional<String> host, int port) {
        if (host.isEmpty()) {
            return () -> Health.up().withDetail("mode", "local mail sink").build();
        }
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.get(), port), (int) CONNECT_TIMEOUT.toMillis());
                return Health.up().withDetail("host", host.get()).withDetail("port", port).build();
            } catch (IOException e) {
                return Health.status(DEGRADED).withDetail("host", host.get()).withDetail("port", port)
                        .withDetail("reason", "cannot connect: " + e.getClass().getSimpleName()).build();
            }
        };
    }

    /** A payment provider: its webhook events waiting and parked, the last one received, and whether catch-up is on. */
    public static HealthIndicator provider(String provider, Readings readings, boolean catchUp) {
        return () -> {
            Readings.ProviderStanding standing = readings.provider(provider);
            Health.Builder health = Health.up().withDetail("catchUp", catchUp).withDetail("waiting", standing.waiting())
                    .withDetail("parked", standing.parked());
            standing.lastEvent().ifPresent(at -> health.withDetail("lastEvent", at.toString()));
            return health.build();
        };
    }

    /** Several parts under one name ({@code ledger}, {@code payments}); none: a part that says so. */
    public static HealthContributor parts(Map<String, HealthIndicator> parts) {
        if (parts.isEmpty()) {
            return (HealthIndicator) () -> Health.up().withDetail("configured", "none").build();
        }
        return CompositeHealthContributor.fromMap(new LinkedHashMap<>(parts));
    }
}
