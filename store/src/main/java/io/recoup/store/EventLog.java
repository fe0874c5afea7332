package io.recoup.store;

import java.util.List;
import java.util.Map;

/** The append-only log of every change of state: who, what, when, why. Read by the audit trail and the dashboard. */
public final class EventLog {
    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    public void append(String actor, String entity, Object entityId, String what, String why) {
        db.jdbc().update("insert into event_log (at, actor, entity, entity_id, what, why) values (?, ?, ?, ?, ?, ?)",
                db.now(), actor, entity, String.valueOf(entityId), what, why);
    }

    public List<Map<String, Object>> forEntity(String entity, Object entityId) {
        return db.jdbc().queryForList("select at, actor, what, why from event_log where entity = ? and entity_id = ? order by id",
                entity, String.valueOf(entityId));
    }
}
