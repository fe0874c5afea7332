package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded server Recoup runs on when no database is configured: durable, and back in one try after a SIGKILL. */
class EmbeddedDatabaseIT {

    @Test
    void recoupsOwnServerFlushesEveryCommitToDisk() {
        Path home = TemporaryFolders.create("recoup-durable");
        try (EmbeddedDatabase server = EmbeddedDatabase.start(home.resolve("pgdata"))) {
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        }
    }

    @Test
    void theServerForTestsSkipsFlushingAndTakesManyConnections() {
        Path home = TemporaryFolders.create("recoup-throwaway");
        try (EmbeddedDatabase server = EmbeddedDatabase.start(home.resolve("pgdata"), EmbeddedDatabase.Durability.THROWAWAY)) {
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("off");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
            assertThat(jdbc.queryForObject("show max_connections", Integer.class)).as("room for every test context's pool").isEqualTo(300);
        }
    }

    @Test
    void startsInOneTryAfterTheProcessThatOwnedTheServerWasKilled() throws Exception {
        Path data = TemporaryFolders.create("recoup-orphan").resolve("pgdata");
        Process owner = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseOwner.class.getName(), data.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.lines().filter(l -> l.startsWith("ready on port")).findFirst()).as("the child's server started").isPresent();
            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is left behind
            owner.waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan)).as("the postmaster outlives its owner").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (EmbeddedDatabase again = EmbeddedDatabase.start(data)) {
            assertThat(new JdbcTemplate(again.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        }
    }

    @Test
    void theTestsDatabaseFolderIsDeletedWhenTheirJvmEnds() throws Exception {
        Process tests = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseOwner.class.getName(), "--tests").redirectErrorStream(true).start();
        String output = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tests.waitFor()).as(output).isZero();
        Path data = Path.of(output.lines().filter(l -> l.startsWith("data in ")).findFirst().orElseThrow().substring("data in ".length()));

        assertThat(data.getParent()).as("the folder around %s", data).doesNotExist();
    }

    @Test
    void refusesTheDataOfAServerThatIsStillInUse() {
        Path data = TemporaryFolders.create("recoup-in-use").resolve("pgdata");
        try (EmbeddedDatabase running = EmbeddedDatabase.start(data)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(data)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running Recoup");
            assertThat(new JdbcTemplate(running.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
