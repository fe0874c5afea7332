package io.recoup.routes.receive;

import io.recoup.core.RecoupException;
import io.recoup.core.port.PaymentEffect;
import io.recoup.core.port.ProviderEvent;
import io.recoup.core.port.ProviderEventReader;
import io.recoup.store.Database;
import io.recoup.store.receive.ProviderEvents;
import io.recoup.core.port.ProviderUnavailable;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker behind the webhooks: takes stored provider events one at a time ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the queue), each in its own transaction. The provider's reader says what the event means,
 * {@link PaymentEffects} applies it, and the event is marked handled in the same transaction. An event that cannot be
 * read, or whose effect fails for a reason that will not go away, is parked with the reason and the rest go on; a
 * passing database failure leaves it waiting for the next run, and so does a provider whose API cannot be asked now
 * ({@link ProviderUnavailable}): its events are passed over for the rest of the run while the others' go on, and, when
 * it asked for a wait ({@code Retry-After}) longer than its adapter spent on it, on every run until that time has come
 * (kept by this worker: another instance learns it from its own first refusal).
 */
public final class ProviderEventProcessing {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderEventProcessing.class);

    private final Database db;
    private final ProviderEvents events;
    private final Map<String, ProviderEventReader> readers;
    private final PaymentEffects effects;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    public ProviderEventProcessing(Database db, ProviderEvents events, Map<String, ProviderEventReader> readers,
                                   PaymentEffects effects) {
        this.db = db;
        this.events = events;
        this.readers = Map.copyOf(readers);
        this.effects = effects;
    }

    /** What one run did. */
    public record Report(int handled, int parked) {
        public int taken() {
            return handled + parked;
        }
    }

    /** Handles up to {@code limit} waiting events; returns how many were handled and parked. */
    public Report processWaiting(int limit) {
        int handled = 0;
        int parked = 0;
        Instant now = db.clock().instant();
        Set<String> unreachable = new HashSet<>();
        notBefore.forEach((provider, until) -> {
            if (until.isAfter(now)) {
                unreachable.add(provider);
            }
        });
        for (int i = 0; i < limit; i++) {
            Optional<Boolean> outcome;
            try {
                outcome = db.inTransaction(() -> processNext(unreachable));
            } catch (ProviderUnavailable e) {
                unreachable.add(e.provider());
                e.retryAfter().ifPresentOrElse(wait -> {
                    notBefore.put(e.provider(), now.plus(wait));
                    LOG.warn("{}'s events wait until {}, as it asked: {}", e.provider(), now.plus(wait), e.getMessage());
                }, () -> LOG.warn("an event waits for its provider, asked again next run: {}", e.getMessage()));
                continue;
            }
            if (outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                handled++;
            } else {
                parked++;
            }
        }
        return new Report(handled, parked);
    }

    /** Empty when nothing waits; true when the event was handled, false when parked. */
    private Optional<Boolean> processNext(Set<String> unreachable) {
        Optional<ProviderEvents.Claimed> claimed = events.claimNextSkipping(unreachable);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        long id = claimed.get().id();
        ProviderEvent event = claimed.get().event();
        ProviderEventReader reader = readers.get(event.provider());
        if (reader == null) {
            return Optional.of(park(id, event, "no payment provider " + event.provider() + " is configured"));
        }
        try {
            String outcome = db.underSavepoint(() -> effects.apply(event, reader.read(event), reader));
            events.markHandled(id, outcome);
            return Optional.of(true);
        } catch (RuntimeException e) {
            if (Database.isPassing(e) || e instanceof ProviderUnavailable) {
                throw e;
            }
            String reason = e instanceof RecoupException r ? r.code() + ": " + r.getMessage() : e.toString();
            return Optional.of(park(id, event, reason));
        }
    }

    private boolean park(long id, ProviderEvent event, String reason) {
        LOG.warn("{} parked for a person: {}", event, reason);
        events.park(id, reason);
        return false;
    }
}
