package io.recoup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.recoup.routes.ingest.SyncReport;

/**
 * Each sync of a source read over an API as metrics, beside its log line: {@code recoup.source.syncs} (tags
 * {@code source}, {@code kind} full/incremental, {@code result} ok/stopped) and {@code recoup.source.records} (tags
 * {@code source}, {@code outcome} inserted/updated/unchanged/rejected/closed).
 */
final class SourceSyncMetrics {
    private final MeterRegistry registry;

    SourceSyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(SyncReport report) {
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
