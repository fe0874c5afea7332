package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests' fresh databases, copied from a migrated template, are what migrating each on its own would give. */
class TestDatabaseIT {

    @Test
    void aFreshDatabaseHasEveryMigrationAppliedAndNothingPending() {
        MigrationInfo[] all = flyway(TestDatabase.fresh()).info().all();

        assertThat(all).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS));
        assertThat(all).hasSameSizeAs(flyway(TestDatabase.server().dataSource()).info().pending());
    }

    @Test
    void everyFreshDatabaseDrawsItsOwnInstallationIdAndLinkKey() {
        Map<String, Object> one = installation(TestDatabase.fresh());
        Map<String, Object> other = installation(TestDatabase.fresh());

        assertThat((String) one.get("id")).matches("[A-Z2-9]{6}");
        assertThat((String) one.get("link_key")).matches("[0-9a-f]{64}");
        assertThat(other.get("id")).isNotEqualTo(one.get("id"));
        assertThat(other.get("link_key")).isNotEqualTo(one.get("link_key"));
    }

    @Test
    void onlyTheMigrationsWhoseDrawsAFreshDatabaseRepeatsDrawAtRandom() throws IOException {
        List<String> drawing = new ArrayList<>();
        for (MigrationInfo m : flyway(TestDatabase.server().dataSource()).info().pending()) {
            try (InputStream sql = TestDatabase.class.getResourceAsStream("/db/migration/" + m.getScript())) {
                String text = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
                boolean draws = Arrays.stream(text.split("\n")).filter(l -> !l.strip().startsWith("--"))
                        .anyMatch(l -> l.contains("random"));
                if (draws) {
                    drawing.add(m.getScript());
                }
            }
        }
        assertThat(drawing).as("migrations drawing at random: TestDatabase.fresh() must draw their values again")
                .containsExactly("V11__installation.sql", "V26__clicks_and_link_key.sql");
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    private static Map<String, Object> installation(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForMap("select id, link_key from installation");
    }
}
