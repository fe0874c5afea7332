package io.recoup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.recoup.routes.ingest.SyncReport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each sync of a source read over an API as metrics, beside its log line: {@code recoup.source.syncs} (tags
 * {@code source}, {@code kind} full/incremental, {@code result} ok/stopped) and {@code recoup.source.records} (tags
 * {@code source}, {@code outcome} inserted/updated/unchanged/rejected/closed).
 */
final class SourceSyncMetrics {
    private final MeterRegistry registry;
    private final Map<String, SyncReport> lastRuns = new ConcurrentHashMap<>();

    SourceSyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** How the last sync of the source on this instance went, for its health. */
    Optional<SyncReport> lastRun(String source) {
        return Optional.ofNullable(lastRuns.get(source));
    }

    void record(SyncReport report) {
        lastRuns.put(report.source(), report);
        registry.counter("recoup.source.syncs", "source", report.source(), "kind", report.full() ? "full" : "incremental",
                "result", report.failed() ? "stopped" : "ok").increment();
        count(report, "inserted", report.inserted());
        count(report, "updated", report.updated());
        count(report, "unchanged", report.unchanged());
        count(report, "rejected", report.rejected());
        count(report, "closed", report.closed());
    }

    private void count(SyncReport report, String outcome, int records) {
        registry.counter("recoup.source.records", "source", report.source(), "outcome", outcome).increment(records);
    }
}
