package io.recoup.store;

import io.recoup.core.event.RecoupEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** Appends several events in one statement, in order. */
    public void appendAll(List<? extends RecoupEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        db.jdbc().update("""
                insert into event_log (at, actor, entity, entity_id, what, why)
                select ?, u.actor, u.entity, u.entity_id, u.what, u.why
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality u(actor, entity, entity_id, what,
                    why, n)
                order by u.n""",
                db.now(), column(batch, RecoupEvent::actor), column(batch, e -> e.subject().entity()),
                column(batch, e -> String.valueOf(e.subject().id())), column(batch, RecoupEvent::what), column(batch, RecoupEvent::why));
    }

    private static String[] column(List<? extends RecoupEvent> batch, Function<RecoupEvent, String> field) {
        return batch.stream().map(field).toArray(String[]::new);
    }

    public List<Map<String, Object>> forEntity(String entity, Object entityId) {
        return db.jdbc().queryForList("select at, actor, what, why from event_log where entity = ? and entity_id = ? order by id",
                entity, String.valueOf(entityId));
    }
}
