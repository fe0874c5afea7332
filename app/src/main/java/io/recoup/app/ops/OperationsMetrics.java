package io.recoup.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.lifecycle.ReceiptStatus;
import io.recoup.core.policy.Channel;
import io.recoup.store.ops.Readings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The cycle's state as gauges, from the database so that every instance reports the same: {@code recoup.notices}
 * (channel, status), {@code recoup.receipts} (status), {@code recoup.items} (source, status),
 * {@code recoup.outbox.depth} (queue), {@code recoup.exceptions.open}, {@code recoup.receipts.matched.share} and
 * {@code recoup.postback.lag}. One reading serves every gauge for {@link #FRESH_FOR}: a scrape does not count the
 * tables once per gauge.
 */
public final class OperationsMetrics implements MeterBinder {
    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final Readings readings;
    private final List<String> sources;
    private final Clock clock;
    private Readings.Reading last;
    private Instant takenAt = Instant.MIN;

    public OperationsMetrics(Readings readings, List<String> sources, Clock clock) {
        this.readings = readings;
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            for (NoticeStatus status : NoticeStatus.values()) {
                gauge(registry, "recoup.notices", "notices of the channel in the status", r -> count(r.notices(), channel + "|" + status),
                        "channel", channel.name().toLowerCase(), "status", status.name().toLowerCase());
            }
        }
        for (ReceiptStatus status : ReceiptStatus.values()) {
            gauge(registry, "recoup.receipts", "receipts in the status", r -> count(r.receipts(), status.name()),
                    "status", status.name().toLowerCase());
        }
        for (String source : sources) {
            for (ItemStatus status : ItemStatus.values()) {
                gauge(registry, "recoup.items", "items of the source in the status", r -> count(r.items(), source + "|" + status),
                        "source", source, "status", status.name().toLowerCase());
            }
        }
        for (String queue : List.of("notices", "postings", "provider_events", "pain008_files", "webhooks")) {
            gauge(registry, "recoup.outbox.depth", "rows waiting in the queue", r -> count(r.outboxes(), queue), "queue", queue);
        }
        gauge(registry, "recoup.exceptions.open", "receipts waiting for a person in the exceptions queue", r -> r.exceptionsOpen());
        gauge(registry, "recoup.receipts.matched.share", "share of receipts matched (0 to 1)", Readings.Reading::matchedShare);
        TimeGauge.builder("recoup.postback.lag", this, TimeUnit.SECONDS, m -> m.reading().postBackLag().toSeconds())
                .description("age of the oldest payment waiting to be posted back to the ledger").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Readings.Reading> value,
                       String... tags) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.reading())).description(description).tags(tags).register(registry);
    }

    /** The last reading while fresh, else a new one; synchronized so one scrape reads once, not once per gauge. */
    synchronized Readings.Reading reading() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(takenAt.plus(FRESH_FOR)) || now.isBefore(takenAt)) {
            last = readings.take();
            takenAt = now;
        }
        return last;
    }

    private static double count(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }
}
