package io.recoup.core.port;

import java.util.OptionalLong;

/**
 * A source that can say, soon after it happens, that some of its open items changed (Salesforce Change Data Capture),
 * implemented by a feed besides {@link OpenItemFeed}. A notification carries no data Recoup stores: it only asks for
 * the source's next incremental sync now instead of at its scheduled time, so correctness stays with the sync, and a
 * notification lost in an outage costs only latency until the scheduled sync. The position on the source's event
 * stream is kept in a {@link ReplayStore}, so a restart resumes where it left off instead of missing a trigger.
 */
public interface ChangeNotifications {
    /**
     * Starts listening in the background and calls {@code changed} whenever the source reports changes (several
     * changes may come as one call; a call may come with no change, e.g. after the position was lost). Returns at once;
     * connection faults are retried in the background until the subscription is closed.
     */
    Subscription subscribe(ReplayStore replays, Runnable changed);

    /** A running subscription; closing it stops listening. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Where the last event read from a source's channel is kept across restarts. */
    interface ReplayStore {
        /** The replay id of the last event read from {@code channel} of {@code source}; empty before the first. */
        OptionalLong replayId(String source, String channel);

        void save(String source, String channel, long replayId);
    }
}
