package io.recoup.store.access;

import io.recoup.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: one row per change a person made through the API, written in the change's own transaction, with the
 * state before and after as JSON. Read newest first, a page at a time, filtered by actor or target.
 */
public final class AuditLog {
    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** One change: who, what, on what, and the JSON of the state before and after (null where there was none). */
    public record Entry(long id, Instant at, String actor, String action, String target, String before, String after) {
        public Entry {
            if (actor == null || actor.isBlank() || action == null || action.isBlank() || target == null) {
                throw new IllegalArgumentException("an audit entry names its actor, action and target");
            }
        }
    }

    public void append(String actor, String action, String target, String beforeJson, String afterJson) {
        db.jdbc().update("insert into audit_log (at, actor, action, target, before, after) values (?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                db.now(), actor, action, target, beforeJson, afterJson);
    }

    /** Entries newest first, {@code size} after skipping {@code offset}, optionally only one actor's or one target's. */
    public List<Entry> page(Optional<String> actor, Optional<String> target, long offset, int size) {
        return db.jdbc().query("""
                select id, at, actor, action, target, before::text, after::text from audit_log
                where (?::text is null or actor = ?) and (?::text is null or target = ?)
                order by id desc offset ? limit ?""",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                actor.orElse(null), actor.orElse(null), target.orElse(null), target.orElse(null), offset, size);
    }
}
