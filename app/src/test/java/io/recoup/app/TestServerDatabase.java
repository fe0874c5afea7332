package io.recoup.app;

import io.recoup.store.TestDatabase;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every {@code @SpringBootTest} application that names no database of its own gets a fresh, migrated database on the
 * test JVM's one embedded PostgreSQL ({@link TestDatabase}), instead of starting a server of its own under
 * {@code recoup.home/pgdata}: one {@code initdb}, start and full migration per application context was most of an API
 * test's time. A context the test framework caches keeps its database, as it kept its server. Recoup's own server is
 * still what the demo and command-line tests run on (their child JVMs are no Spring tests). Registered in
 * {@code META-INF/spring.factories} of the app's tests.
 */
final class TestServerDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean springBootTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        return springBootTest ? new FreshDatabase() : null;
    }

    /** A record, so equal for every test: it takes no part in telling cached contexts apart. */
    private record FreshDatabase() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (environment.getProperty("recoup.database.url", "").isBlank()) {
                environment.getPropertySources().addFirst(new MapPropertySource("the tests' PostgreSQL", Map.of(
                        "recoup.database.url", TestDatabase.freshUrl(),
                        "recoup.database.username", "postgres",
                        "recoup.database.password", "")));
            }
        }
    }
}
