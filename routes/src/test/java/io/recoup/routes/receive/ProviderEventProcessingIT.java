package io.recoup.routes.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.lifecycle.ProviderEventStatus;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.core.port.ProviderUnavailable;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.receive.ProviderEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderEventProcessingIT {
    private MutableClock clock;
    private Database db;
    private ProviderEvents events;

    @BeforeEach
    void freshDatabase() {
        clock = MutableClock.at(LocalDate.of(2026, 3, 2));
        db = new Database(TestDatabase.fresh(), clock);
        events = new ProviderEvents(db);
    }

    private PaymentEffects effects() {
        return PaymentEffects.create(db, db.clock());
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

    @Test
    void aProviderThatCannotBeAskedNowLeavesItsEventsWaitingUnparkedWhileTheOthersAreHandled() {
        store("gocardless", "EV1", "needs the API");
        store("gocardless", "EV2", "needs the API");
        store("stripe", "evt_1", "fine");
        ProviderEventReader down = event -> {
            throw new ProviderUnavailable("gocardless", "GET /payments/PM1 answered 503", null);
        };
        ProviderEventProcessing processing = new ProviderEventProcessing(db, events, Map.of("gocardless", down,
                "stripe", event -> new PaymentEffect.Ignored("nothing to do")), effects());

        assertThat(processing.processWaiting(100)).isEqualTo(new ProviderEventProcessing.Report(1, 0));

        assertThat(events.counts("gocardless")).isEqualTo(Map.of(ProviderEventStatus.NEW, 2L));
        assertThat(outcome("evt_1")).isEqualTo("HANDLED: ignored: nothing to do");
    }

    @Test
    void aProviderThatAskedForAWaitIsNotAskedAgainBeforeThatTime() {
        store("stripe", "evt_limited", "needs the API");
        List<Instant> asked = new ArrayList<>();
        ProviderEventProcessing processing = new ProviderEventProcessing(db, events, Map.of("stripe", event -> {
            asked.add(clock.instant());
            if (asked.size() == 1) {
                throw new ProviderUnavailable("stripe", "GET /v1/payment_intents/pi_1 answered 429, retry after 60s",
                        Optional.of(Duration.ofSeconds(60)), null);
            }
            return new PaymentEffect.Ignored("nothing to do");
        }), effects());
        Instant limited = clock.instant();

        assertThat(processing.processWaiting(100).taken()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(processing.processWaiting(100).taken()).as("59 s later: not asked").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(processing.processWaiting(100).handled()).isOne();

        assertThat(asked).containsExactly(limited, limited.plusSeconds(60));
        assertThat(outcome("evt_limited")).isEqualTo("HANDLED: ignored: nothing to do");
    }
}
