package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** simulate reads recoup.company.time-zone as the application would, without starting it. */
class CompanyTimeZoneTest {
    @Test
    void readsTheConfiguredZoneAndDefaultsToApplicationYaml() {
        assertThat(CompanyTimeZone.resolve(new String[] {"--recoup.company.time-zone=America/New_York"})).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CompanyTimeZone.resolve(new String[0])).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThatThrownBy(() -> CompanyTimeZone.resolve(new String[] {"--recoup.company.time-zone=Mars/Olympus"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recoup.company.time-zone 'Mars/Olympus' is not a time zone");
    }
}
