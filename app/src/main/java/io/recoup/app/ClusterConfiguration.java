package io.recoup.app;

import io.recoup.routes.Singletons;
import io.recoup.routes.cluster.PostgresClusterService;
import io.recoup.store.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several instances on one database ({@code recoup.cluster.*}): whether the singleton pollers (inbox watchers, the
 * cycle's timer, ledger syncs) run under Camel's {@code master:} component ({@code enabled}, default {@code true}),
 * with the PostgreSQL cluster service added to the Camel context; and how long a stalled instance keeps a lease
 * ({@code lease-expiry}, default 2m), for the stages' leases and the pollers' leadership alike.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    Singletons singletons(@Value("${recoup.cluster.enabled:true}") boolean enabled) {
        return new Singletons(enabled);
    }

    /** Adds the cluster service before the routes start, so every {@code master:} consumer finds it. */
    @Bean
    CamelContextConfiguration clusterService(Singletons singletons, DataSource dataSource, Database db) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (!singletons.clustered()) {
                    return;
                }
                try {
                    camel.addService(new PostgresClusterService(dataSource, db.leaseExpiry(), member()));
                } catch (Exception e) {
                    throw new IllegalStateException("the PostgreSQL cluster service cannot be added to Camel", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing: the service starts with the context
            }
        };
    }

    /** This instance as the log names it: host and process id. */
    private static String member() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
