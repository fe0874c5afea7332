package io.recoup.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Replay ids of change notifications, kept in PostgreSQL per source and channel. */
class SourceReplayIdsIT {
    private final DataSource dataSource = TestDatabase.fresh();

    private SourceReplayIds afterARestart() {
        return new SourceReplayIds(new Database(dataSource, MutableClock.at(LocalDate.of(2026, 12, 1))));
    }

    @Test
    void theLastReplayIdSavedIsReadAfterARestartPerSourceAndChannel() {
        SourceReplayIds before = afterARestart();
        before.save("sf-eu", "/data/blng__Invoice__ChangeEvent", 11);
        before.save("sf-eu", "/data/blng__Invoice__ChangeEvent", 9);
        before.save("sf-us", "/data/blng__Invoice__ChangeEvent", 40);

        SourceReplayIds after = afterARestart();

        assertThat(after.replayId("sf-eu", "/data/blng__Invoice__ChangeEvent")).hasValue(9);
        assertThat(after.replayId("sf-us", "/data/blng__Invoice__ChangeEvent")).hasValue(40);
        assertThat(after.replayId("sf-eu", "/data/InvoiceChangeEvent")).isEmpty();
    }
}
