package io.recoup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.recoup.app.ops.DependencyHealth;
import io.recoup.app.ops.OperationsMetrics;
import io.recoup.app.ops.StageTimer;
import io.recoup.routes.ingest.ApiSource;
import io.recoup.store.Database;
import io.recoup.store.ops.Readings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health parts and metrics from the settings: {@code ledger} (the CSV inbox and each source read over an API),
 * {@code smtp}, {@code payments} (each provider configured) beside Spring's {@code db}; the cycle's gauges and stage
 * timers for {@code /actuator/prometheus}.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    HealthContributor ledgerHealthContributor(RecoupProperties props, ApiSources.Configured apiSources, Database db,
                                              SourceSyncMetrics syncs) {
        Readings readings = new Readings(db);
        Map<String, HealthIndicator> parts = new LinkedHashMap<>();
        parts.put(props.ledger().source(), DependencyHealth.folder(props.ledger().inbox()));
        for (ApiSource source : apiSources.all()) {
            parts.put(source.name(), DependencyHealth.apiSource(source.name(), readings, syncs::lastRun));
        }
        return DependencyHealth.parts(parts);
    }

    @Bean
    HealthIndicator smtpHealthIndicator(RecoupProperties props) {
        RecoupProperties.MailSettings mail = props.mail();
        return DependencyHealth.smtp(mail.localSink() ? Optional.empty() : Optional.of(mail.host()), mail.port());
    }

    @Bean
    HealthContributor paymentsHealthContributor(PaymentProviders providers, Database db) {
        Readings readings = new Readings(db);
        Map<String, HealthIndicator> parts = new LinkedHashMap<>();
        providers.readers().keySet().stream().sorted().forEach(provider ->
                parts.put(provider, DependencyHealth.provider(provider, readings, providers.feeds().containsKey(provider))));
        return DependencyHealth.parts(parts);
    }

    @Bean
    OperationsMetrics operationsMetrics(Database db, RecoupProperties props, ApiSources.Configured apiSources, SettableClock clock) {
        List<String> sources = new ArrayList<>(List.of(props.ledger().source()));
        apiSources.all().forEach(s -> sources.add(s.name()));
        return new OperationsMetrics(new Readings(db), sources, clock);
    }

    @Bean
    StageTimer stageTimer(MeterRegistry registry) {
        return new StageTimer(registry);
    }
}
