package io.recoup.store.ledger;

import io.recoup.store.Database;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each source ledger read over an API stands: the watermark its next incremental sync starts from and when its
 * last full sync ended. A sync that fails leaves both as they were and records why.
 */
public final class SourceSyncs {
    private final Database db;

    public SourceSyncs(Database db) {
        this.db = db;
    }

    /** The source's standing; empty fields before its first sync. */
    public record Standing(Optional<Instant> watermark, Optional<Instant> lastFullSync) {}

    public Standing standing(String source) {
        return db.jdbc().query("select watermark, last_full_sync_at from source_sync where source = ?",
                rs -> rs.next() ? new Standing(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)))
                        : new Standing(Optional.empty(), Optional.empty()), source);
    }

    /** Records a sync that read to its end: the new watermark (never moved back) and, for a full sync, when it ended. */
    public void succeeded(String source, Optional<Instant> watermark, boolean full, String outcome) {
        db.jdbc().update("""
                insert into source_sync (source, watermark, last_full_sync_at, last_sync_at, last_outcome)
                values (?, ?, ?, ?, ?)
                on conflict (source) do update set watermark = greatest(source_sync.watermark, excluded.watermark),
                    last_full_sync_at = coalesce(excluded.last_full_sync_at, source_sync.last_full_sync_at),
                    last_sync_at = excluded.last_sync_at, last_outcome = excluded.last_outcome""",
                source, watermark.map(Timestamp::from).orElse(null), full ? db.now() : null,
                db.now(), outcome);
    }

    /** Records a sync that stopped before its end, with why; the watermark stays. */
    public void failed(String source, String outcome) {
        db.jdbc().update("""
                insert into source_sync (source, last_sync_at, last_outcome) values (?, ?, ?)
                on conflict (source) do update set last_sync_at = excluded.last_sync_at, last_outcome = excluded.last_outcome""",
                source, db.now(), outcome);
    }

    private static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
