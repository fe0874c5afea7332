package io.recoup.store;

import io.recoup.core.event.RecoupEvent;
import io.recoup.core.lifecycle.WebhookDeliveryLifecycle;
import io.recoup.core.webhook.OutboundEvent;
import io.recoup.core.webhook.OutboundEvents;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The append-only log of every change of state: who, what, when, why. Read by the audit trail and the dashboard. An
 * event other tools may subscribe to ({@link OutboundEvents}) also gets one outbound webhook delivery per subscription
 * that wants it, in the same statement as its log line, so it is sent exactly when the change it reports commits.
 */
public final class EventLog {
    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    public void append(RecoupEvent event) {
        appendAll(List.of(event));
    }

    /** Appends several events in one statement, in order. */
    public void appendAll(List<? extends RecoupEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Optional<OutboundEvent>> outbound = batch.stream().map(OutboundEvents::of).toList();
        if (outbound.stream().anyMatch(Optional::isPresent)) {
            appendWithDeliveries(batch, outbound);
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

    /**
     * One statement, so the deliveries cannot outlive or miss their log lines even outside a transaction. The log
     * lines' ids are drawn first, so each delivery names its line; the event id every subscriber gets is a random UUID
     * ({@code evt_<32 hex>}), never reused even when the log's numbering starts again (the demo's reset).
     */
    private void appendWithDeliveries(List<? extends RecoupEvent> batch, List<Optional<OutboundEvent>> outbound) {
        Timestamp now = db.now();
        db.jdbc().update("""
                with u as materialized (
                    select nextval(pg_get_serial_sequence('event_log', 'id')) as id,
                        'evt_' || replace(gen_random_uuid()::text, '-', '') as event_id, u.*
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                        u(actor, entity, entity_id, what, why, kind, data, n)),
                logged as (
                    insert into event_log (id, at, actor, entity, entity_id, what, why)
                    select id, ?, actor, entity, entity_id, what, why from u order by n)
                insert into webhook_delivery (subscription_id, event_id, event_log_id, event_type, created, payload, status,
                    next_attempt_at)
                select s.id, u.event_id, u.id, u.kind, ?, json_build_object('id', u.event_id, 'type', u.kind, 'created', ?::text,
                    'data', u.data::json)::text, ?, ?
                from u join webhook_subscription s on s.deleted_at is null and u.kind = any (s.events)""",
                column(batch, RecoupEvent::actor), column(batch, e -> e.subject().entity()),
                column(batch, e -> String.valueOf(e.subject().id())), column(batch, RecoupEvent::what), column(batch, RecoupEvent::why),
                outbound.stream().map(o -> o.map(OutboundEvent::type).orElse(null)).toArray(String[]::new),
                outbound.stream().map(o -> o.map(OutboundEvent::dataJson).orElse(null)).toArray(String[]::new),
                now, now, now.toInstant().toString(), WebhookDeliveryLifecycle.TABLE.initial().name(), now);
    }

    private static String[] column(List<? extends RecoupEvent> batch, Function<RecoupEvent, String> field) {
        return batch.stream().map(field).toArray(String[]::new);
    }

    public List<Map<String, Object>> forEntity(String entity, Object entityId) {
        return db.jdbc().queryForList("select at, actor, what, why from event_log where entity = ? and entity_id = ? order by id",
                entity, String.valueOf(entityId));
    }
}
