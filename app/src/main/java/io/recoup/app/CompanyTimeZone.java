package io.recoup.app;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code recoup.company.time-zone} as the application would see it (application.yaml beside the jar, the environment,
 * the command line), for a job that must not start the application: {@code simulate --items} reads no database,
 * yet a ledger row without a time zone must get the company's, not a guess.
 */
final class CompanyTimeZone {
    static final String KEY = "recoup.company.time-zone";

    private CompanyTimeZone() {
    }

    /** @param springArgs the {@code --name=value} settings of the command line */
    static ZoneId resolve(String[] springArgs) {
        SpringApplication settings = new SpringApplication(Settings.class);
        settings.setWebApplicationType(WebApplicationType.NONE);
        settings.setBannerMode(Banner.Mode.OFF);
        settings.setLogStartupInfo(false);
        settings.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = settings.run(springArgs)) {
            String zone = context.getEnvironment().getRequiredProperty(KEY);
            try {
                return ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(KEY + " '" + zone + "' is not a time zone (expected e.g. Europe/Berlin)", e);
            }
        }
    }

    /** Nothing to configure: the context exists only to read the settings. */
    static final class Settings {
    }
}
