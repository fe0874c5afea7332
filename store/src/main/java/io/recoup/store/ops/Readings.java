package io.recoup.store.ops;

import io.recoup.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of the collection cycle's state, as the metrics show it. Taken in one read-only pass of grouped
 * queries; the caller decides how often (a scrape every few seconds must not count a million rows each time).
 */
public final class Readings {
    private final Database db;

    public Readings(Database db) {
        this.db = db;
    }

    /**
     * Counts by key ({@code "EMAIL|SENT"} for notices, {@code "csv|OPEN"} for items), depths of the queues by name, the
     * number of receipts waiting for a person, the share of receipts matched, and the age of the oldest pending posting.
     */
    public record Reading(Map<String, Long> notices, Map<String, Long> receipts, Map<String, Long> items, Map<String, Long> outboxes,
                          long exceptionsOpen, double matchedShare, Duration postBackLag) {
        public Reading {
            notices = Map.copyOf(notices);
            receipts = Map.copyOf(receipts);
            items = Map.copyOf(items);
            outboxes = Map.copyOf(outboxes);
        }
    }

    /** A payment provider's events: how many wait, how many are parked for a person, when the last one came. */
    public record ProviderStanding(long waiting, long parked, Optional<Instant> lastEvent) {}

    public Reading take() {
        Map<String, Long> notices = grouped("select channel || '|' || status, count(*) from notice group by 1");
        Map<String, Long> receipts = grouped("select status, count(*) from receipt group by 1");
        Map<String, Long> items = grouped("select source || '|' || status, count(*) from open_item group by 1");
        Map<String, Long> outboxes = new HashMap<>();
        outboxes.put("notices", count("select count(*) from notice where status in ('PLANNED', 'SENDING')"));
        outboxes.put("postings", count("select count(*) from posting where status = 'PENDING'"));
        outboxes.put("provider_events", count("select count(*) from provider_event where status = 'NEW'"));
        outboxes.put("pain008_files", count("select count(*) from pain008_file where status = 'PENDING'"));
        outboxes.put("webhooks", count("select count(*) from webhook_delivery where status = 'PENDING'"));
        long open = count("select count(*) from receipt where status in ('UNMATCHED', 'PARTLY_ALLOCATED') and unallocated > 0");
        long all = receipts.values().stream().mapToLong(Long::longValue).sum();
        double share = all == 0 ? 0 : (double) receipts.getOrDefault("MATCHED", 0L) / all;
        Instant oldest = db.jdbc().queryForObject("select min(created_at) from posting where status = 'PENDING'",
                (rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant());
        Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, db.clock().instant());
        return new Reading(notices, receipts, items, outboxes, open, share, lag.isNegative() ? Duration.ZERO : lag);
    }

    public ProviderStanding provider(String provider) {
        return db.jdbc().queryForObject("""
                select count(*) filter (where status = 'NEW'), count(*) filter (where status = 'PARKED'), max(created)
                from provider_event where provider = ?""",
                (rs, n) -> new ProviderStanding(rs.getLong(1), rs.getLong(2),
                        Optional.ofNullable(rs.getTimestamp(3)).map(java.sql.Timestamp::toInstant)), provider);
    }

    /** When a source read over an API last synced, and its outcome as the sync wrote it. */
    public record SourceStanding(Optional<Instant> lastSync, String lastOutcome) {}

    public Optional<SourceStanding> source(String source) {
        return db.jdbc().query("select last_sync_at, last_outcome from source_sync where source = ?",
                (rs, n) -> new SourceStanding(Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant),
                        rs.getString(2)), source).stream().findFirst();
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        db.jdbc().query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private long count(String sql) {
        Long n = db.jdbc().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
