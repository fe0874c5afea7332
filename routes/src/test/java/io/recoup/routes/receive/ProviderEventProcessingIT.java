package io.recoup.routes.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.lifecycle.ProviderEventStatus;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.plan.PauseRepository;
import io.recoup.store.receipt.ReceiptRepository;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.receive.ProviderEvents;
import io.recoup.store.receive.ProviderObjects;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderEventProcessingIT {
    private Database db;
    private ProviderEvents events;

    @BeforeEach
    void freshDatabase() {
        db = new Database(TestDatabase.fresh(), MutableClock.at(LocalDate.of(2026, 3, 2)));
        events = new ProviderEvents(db);
    }

    private PaymentEffects effects() {
        return new PaymentEffects(new ReceiptRepository(db), new LedgerRepository(db), new PauseRepository(db),
                new ProviderObjects(db), new EventLog(db), db.clock());
    }

    private void store(String provider, String id, String body) {
        events.record(new ProviderEvent(provider, id, "test.event", Instant.ofEpochSecond(1), body.getBytes(StandardCharsets.UTF_8)));
    }

    private String outcome(String id) {
        return db.jdbc().queryForObject("select status || ': ' || outcome from provider_event where event_id = ?", String.class, id);
    }

    @Test
    void aPoisonEventIsParkedWithItsReasonAndTheOthersAreHandled() {
        store("stripe", "evt_1", "fine");
        store("stripe", "evt_2", "poison");
        store("stripe", "evt_3", "fine");
        store("elsewhere", "evt_4", "fine");
        ProviderEventProcessing processing = new ProviderEventProcessing(db, events, Map.of("stripe", event -> {
            if (new String(event.payload(), StandardCharsets.UTF_8).equals("poison")) {
                throw new RecoupException(ErrorCode.INVALID_PROVIDER_EVENT, event + ": data.object is missing");
            }
            return new PaymentEffect.Ignored("nothing to do");
        }), effects());

        ProviderEventProcessing.Report report = processing.processWaiting(100);

        assertThat(report).isEqualTo(new ProviderEventProcessing.Report(2, 2));
        assertThat(outcome("evt_1")).isEqualTo("HANDLED: ignored: nothing to do");
        assertThat(outcome("evt_2")).isEqualTo("PARKED: INVALID_PROVIDER_EVENT: stripe event evt_2 (test.event): data.object is missing");
        assertThat(outcome("evt_3")).isEqualTo("HANDLED: ignored: nothing to do");
        assertThat(outcome("evt_4")).isEqualTo("PARKED: no payment provider elsewhere is configured");
        assertThat(processing.processWaiting(100).taken()).as("nothing is taken twice").isZero();
    }

    @Test
    void takesNoMoreThanTheLimitAndLeavesTheRestWaiting() {
        for (int i = 0; i < 5; i++) {
            store("stripe", "evt_" + i, "fine");
        }
        ProviderEventProcessing processing = new ProviderEventProcessing(db, events,
                Map.of("stripe", event -> new PaymentEffect.Ignored("nothing to do")), effects());

        assertThat(processing.processWaiting(3).handled()).isEqualTo(3);
        assertThat(events.counts("stripe")).isEqualTo(Map.of(ProviderEventStatus.HANDLED, 3L, ProviderEventStatus.NEW, 2L));
    }
}
