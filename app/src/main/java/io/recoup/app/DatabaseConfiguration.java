package io.recoup.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recoup.store.EmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the server named by {@code recoup.database.url}, or, when none is configured, an embedded PostgreSQL
 * that Recoup starts itself with its data kept under {@code recoup.home/pgdata}. Flyway (Spring Boot's
 * auto-configuration) migrates whichever it is on start.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(RecoupProperties props) {
        return new EmbeddedServer(props.database().embedded() ? EmbeddedDatabase.start(props.home().resolve("pgdata")) : null);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(RecoupProperties props, ObjectProvider<EmbeddedServer> embedded) {
        HikariConfig config = new HikariConfig();
        if (props.database().embedded()) {
            config.setJdbcUrl(embedded.getObject().database().jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(props.database().url());
            config.setUsername(props.database().username());
            config.setPassword(props.database().password());
        }
        config.setMaximumPoolSize(10);
        config.setPoolName("recoup");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if one was started, so it stops after the pool closes. */
    record EmbeddedServer(EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
