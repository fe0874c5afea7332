package io.recoup.store.receive;

import io.recoup.store.Database;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest state Recoup applied of each provider object (a payment intent, a dispute), with the provider's time of
 * the event that told it, so the worker can tell a stale event from a newer one whatever order they arrive in. Used
 * inside the worker's transaction: reading an object locks it (a transaction-scoped advisory lock) until the
 * transaction ends, so two workers never apply two events about one object at once.
 */
public final class ProviderObjects {
    private final Database db;

    public ProviderObjects(Database db) {
        this.db = db;
    }

    /** A state as it was applied: the state, the provider's time of it and the event that told it. */
    public record Known(String state, Instant asOf, String eventId) {
        public Known {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** Locks {@code objectId} of {@code provider} for the rest of the transaction and returns what is known of it. */
    public Optional<Known> lockAndRead(String provider, String objectId) {
        db.jdbc().query("select pg_advisory_xact_lock(hashtextextended(?, 13))", rs -> null, provider + "/" + objectId);
        return db.jdbc().query("select state, as_of, event_id from provider_object where provider = ? and object_id = ?",
                rs -> rs.next() ? Optional.of(new Known(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                        : Optional.<Known>empty(), provider, objectId);
    }

    /** Keeps {@code known} as the object's state unless a newer one is kept already. */
    public void remember(String provider, String objectId, Known known) {
        db.jdbc().update("""
                insert into provider_object (provider, object_id, state, as_of, event_id, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (provider, object_id) do update set state = excluded.state, as_of = excluded.as_of,
                    event_id = excluded.event_id, updated_at = excluded.updated_at
                where provider_object.as_of <= excluded.as_of""",
                provider, objectId, known.state(), Timestamp.from(known.asOf()), known.eventId(), db.now());
    }
}
