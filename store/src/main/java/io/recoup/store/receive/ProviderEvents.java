package io.recoup.store.receive;

import io.recoup.core.lifecycle.ProviderEventLifecycle;
import io.recoup.core.lifecycle.ProviderEventMove;
import io.recoup.core.lifecycle.ProviderEventStatus;
import io.recoup.core.port.ProviderEvent;
import io.recoup.store.Database;
import io.recoup.store.LifecycleRows;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored events of payment providers: recorded once per (provider, event id), claimed one at a time by the worker
 * inside its transaction ({@code FOR UPDATE SKIP LOCKED}, so several instances share the queue), then handled or
 * parked with the reason through {@link ProviderEventLifecycle}.
 */
public final class ProviderEvents {
    private final Database db;
    private final LifecycleRows<ProviderEventStatus, ProviderEventMove> rows;

    public ProviderEvents(Database db) {
        this.db = db;
        this.rows = new LifecycleRows<>(db, "provider_event", ProviderEventLifecycle.TABLE);
    }

    /** A stored event the worker holds locked until its transaction ends. */
    public record Claimed(long id, ProviderEvent event) {}

    /** Stores {@code event} unless the provider's id of it is stored already; true when it was new. */
    public boolean record(ProviderEvent event) {
        return recordAll(List.of(event)) == 1;
    }

    /**
     * Stores each of {@code delivered} whose provider's id is not stored yet, in one statement (so all or none, and
     * outside a transaction one round trip: what a webhook answers on); returns how many were new. An event named twice
     * in the list is stored once.
     */
    public int recordAll(List<ProviderEvent> delivered) {
        if (delivered.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(delivered.size() * 7);
        Timestamp now = db.now();
        for (ProviderEvent event : delivered) {
            args.addAll(List.of(event.provider(), event.eventId(), event.type(), Timestamp.from(event.created()), event.payload(), now,
                    rows.initial()));
        }
        String sql = "insert into provider_event (provider, event_id, event_type, created, payload, received_at, status) "
                + "values (?, ?, ?, ?, ?, ?, ?)" + ", (?, ?, ?, ?, ?, ?, ?)".repeat(delivered.size() - 1)
                + " on conflict (provider, event_id) do nothing";
        return db.jdbc().update(sql, args.toArray());
    }

    /** The oldest waiting event no other worker holds, locked; call inside a transaction. */
    public Optional<Claimed> claimNext() {
        return claimNextSkipping(java.util.Set.of());
    }

    /** As {@link #claimNext()}, passing over the events of {@code skipped} providers (unreachable in this run). */
    public Optional<Claimed> claimNextSkipping(java.util.Set<String> skipped) {
        List<Claimed> found = db.jdbc().query("""
                select id, provider, event_id, event_type, created, payload from provider_event
                where status = 'NEW' and provider <> all (?) order by id limit 1 for update skip locked""",
                (rs, n) -> new Claimed(rs.getLong(1), new ProviderEvent(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBytes(6))), (Object) skipped.toArray(String[]::new));
        return found.stream().findFirst();
    }

    /** The event's effect is applied; {@code outcome} says what it was (for the audit and the operator). */
    public boolean markHandled(long id, String outcome) {
        return rows.move(id, ProviderEventMove.HANDLE, "outcome = ?, handled_at = ?", outcome, db.now());
    }

    /** The event failed for a reason that will not go away; it waits for a person with {@code reason}. */
    public boolean park(long id, String reason) {
        return rows.move(id, ProviderEventMove.PARK, "outcome = ?, handled_at = ?", reason, db.now());
    }

    /** A person sends a parked event through the worker again. */
    public boolean retry(long id) {
        return rows.move(id, ProviderEventMove.RETRY, "outcome = null, handled_at = null");
    }

    /** The provider's id of the newest event stored for {@code provider} (by the provider's creation time). */
    public Optional<String> latestEventId(String provider) {
        return db.jdbc().query("select event_id from provider_event where provider = ? order by created desc, id desc limit 1",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), provider);
    }

    /** The provider's creation time of the newest event stored for {@code provider}. */
    public Optional<java.time.Instant> latestCreated(String provider) {
        return db.jdbc().query("select max(created) from provider_event where provider = ?",
                rs -> rs.next() && rs.getTimestamp(1) != null ? Optional.of(rs.getTimestamp(1).toInstant())
                        : Optional.<java.time.Instant>empty(), provider);
    }

    /** How many events of {@code provider} stand in each status (for the dashboard and tests). */
    public Map<ProviderEventStatus, Long> counts(String provider) {
        Map<ProviderEventStatus, Long> counts = new java.util.EnumMap<>(ProviderEventStatus.class);
        db.jdbc().query("select status, count(*) from provider_event where provider = ? group by status",
                rs -> {
                    counts.put(ProviderEventStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, provider);
        return counts;
    }
}
