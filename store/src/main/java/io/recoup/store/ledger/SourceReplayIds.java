package io.recoup.store.ledger;

import io.recoup.core.port.ChangeNotifications;
import io.recoup.store.Database;
import java.util.OptionalLong;

/**
 * The replay id each source's change notifications were last read at, per channel, kept in PostgreSQL so a restart
 * resumes after the last event read. Saving overwrites: ids are opaque and not ordered, so the last one read wins.
 */
public final class SourceReplayIds implements ChangeNotifications.ReplayStore {
    private final Database db;

    public SourceReplayIds(Database db) {
        this.db = db;
    }

    @Override
    public OptionalLong replayId(String source, String channel) {
        return db.jdbc().query("select replay_id from source_replay_id where source = ? and channel = ?",
                rs -> rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty(), source, channel);
    }

    @Override
    public void save(String source, String channel, long replayId) {
        db.jdbc().update("""
                insert into source_replay_id (source, channel, replay_id, updated_at) values (?, ?, ?, ?)
                on conflict (source, channel) do update set replay_id = excluded.replay_id, updated_at = excluded.updated_at""",
                source, channel, replayId, db.now());
    }
}
