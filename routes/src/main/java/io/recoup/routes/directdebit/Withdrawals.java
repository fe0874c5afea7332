package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.StoredCollection;

/**
 * Takes a presentation out before it went into a file: cancelled with the reason, the dunning block released, so
 * the item goes back to the dunning policy. Every step that gives up on a collection goes through here.
 */
final class Withdrawals {
    private final CollectionRepository collections;
    private final EventLog events;

    Withdrawals(CollectionRepository collections, EventLog events) {
        this.collections = collections;
        this.events = events;
    }

    /**
     * Returns "end-to-end id: reason" for reports; does nothing when the collection was withdrawn already. A
     * collection already in a file cannot be withdrawn: the collection lifecycle refuses it.
     */
    String withdraw(StoredCollection c, String reason) {
        if (collections.move(c.id(), CollectionEvent.WITHDRAW, null, reason, "WITHDRAWN")) {
            collections.releaseHold(c.itemId());
            events.append(new DirectDebitEvent.Withdrawn(c.itemKey(), c.endToEndId(), reason));
        }
        return c.endToEndId() + ": " + reason;
    }
}
