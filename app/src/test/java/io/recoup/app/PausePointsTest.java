package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.adapters.csv.CsvLedgerPoster;
import io.recoup.core.port.LedgerPoster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PausePointsTest {
    private final SettableClock clock = new SettableClock(ZoneId.of("Europe/Berlin"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void unsetItChangesNothingAndNeverPauses() {
        PausePoints off = new PausePoints("", clock, new PrintStream(out));
        LedgerPoster poster = new CsvLedgerPoster(Path.of("payments"));
        clock.setDay(LocalDate.of(2026, 3, 2));

        off.reached("day-start");

        assertThat(off.around(poster)).isSameAs(poster);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void passesOtherPointsDaysAndOccurrencesWithoutPausing() {
        PausePoints points = new PausePoints("day-end@2026-03-03#2", clock, new PrintStream(out));
        clock.setDay(LocalDate.of(2026, 3, 2));
        points.reached("day-end");
        points.reached("day-end");
        clock.setDay(LocalDate.of(2026, 3, 3));
        points.reached("day-start");
        points.reached("day-end");

        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesAPointItDoesNotKnow() {
        assertThatThrownBy(() -> new PausePoints("lunch@2026-03-02", clock, new PrintStream(out)))
                .isInstanceOf(ConfigurationRefused.class).hasMessageStartingWith("recoup.crash-test.pause-at: 'lunch@2026-03-02' is not");
    }
}
