package io.recoup.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recoup.store.EmbeddedDatabase;

/** A connection pool as the application's (DatabaseConfiguration): without one every statement would open a connection. */
public final class BenchPool {
    private BenchPool() {
    }

    public static HikariDataSource over(EmbeddedDatabase pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }
}
