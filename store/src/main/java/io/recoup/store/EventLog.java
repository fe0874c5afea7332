package io.recoup.store;

import io.recoup.core.event.RecoupEvent;
import java.util.List;
import java.util.Map;

/** The append-only log of every change of state: who, what, when, why. Read by the audit trail and the dashboard. */
public final class EventLog {
    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    public void append(RecoupEvent event) {
        db.jdbc().update("insert into event_log (at, actor, entity, entity_id, what, why) values (?, ?, ?, ?, ?, ?)",
                db.now(), event.actor(), event.subject().entity(), event.subject().id(), event.what(), event.why());
    }

    public List<Map<String, Object>> forEntity(String entity, Object entityId) {
        return db.jdbc().queryForList("select at, actor, what, why from event_log where entity = ? and entity_id = ? order by id",
                entity, String.valueOf(entityId));
    }
}
