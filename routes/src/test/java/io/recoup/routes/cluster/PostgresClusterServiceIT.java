package io.recoup.routes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.store.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances, each a Camel context with its own cluster service, running one {@code master:} route over one database. */
class PostgresClusterServiceIT {
    private static final long HANG_GUARD_TICKS = 600;

    private final DataSource db = TestDatabase.fresh();
    private final Instance first = new Instance("first");
    private final Instance second = new Instance("second");

    @AfterEach
    void stop() {
        first.camel.stop();
        second.camel.stop();
    }

    @Test
    void onlyTheLeaderRunsAMasterRouteAndAnotherTakesOverWhenItStops() throws Exception {
        first.start();
        second.start();
        eventually(() -> first.ticks.get() + second.ticks.get() > 20);
        Instance leader = first.ticks.get() > 0 ? first : second;
        Instance other = leader == first ? second : first;
        assertThat(other.ticks.get()).isZero();

        leader.camel.stop();
        eventually(() -> other.ticks.get() > 0);
    }

    @Test
    void aLeaderWhoseSessionIsEndedGivesTheLeadUpAndAnotherTakesIt() throws Exception {
        first.start();
        eventually(() -> first.ticks.get() > 0);
        second.start();
        new JdbcTemplate(db).queryForList("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = 7310");
        eventually(() -> second.ticks.get() > 0);
        int ticksOfTheFormerLeader = first.ticks.get();
        eventually(() -> second.ticks.get() > 20);
        assertThat(first.ticks.get()).isLessThanOrEqualTo(ticksOfTheFormerLeader + 1);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < HANG_GUARD_TICKS && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private final class Instance {
        final DefaultCamelContext camel = new DefaultCamelContext();
        final AtomicInteger ticks = new AtomicInteger();

        Instance(String name) {
            try {
                camel.addService(new PostgresClusterService(db, Duration.ofMillis(900), name));
            } catch (Exception e) {
                throw new IllegalStateException("the cluster service cannot be added", e);
            }
        }

        void start() throws Exception {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:recoup-test:timer:tick?period=20").process(e -> ticks.incrementAndGet());
                }
            });
            camel.start();
        }
    }
}
