package io.recoup.routes.ingest;

import io.recoup.core.port.ChangeNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's incremental sync soon after the source reports changes ({@link ChangeNotifications}, e.g. Salesforce
 * Change Data Capture), between its scheduled syncs. Changes are debounced: the first one waits {@code debounce} for
 * others to join it, then one sync runs; changes reported while it runs queue one more sync, never more, so a burst
 * of changes costs two syncs at most. Notifications only trigger: what the sync reads stays the truth, and a failed
 * sync waits for the next change or the schedule.
 */
public final class ChangeTriggers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTriggers.class);

    private final String source;
    private final Runnable sync;
    private final Duration debounce;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private ChangeNotifications.Subscription subscription;

    ChangeTriggers(String source, Runnable sync, Duration debounce) {
        this.source = Objects.requireNonNull(source, "source");
        this.sync = Objects.requireNonNull(sync, "sync");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException(source + ": cdc.debounce must not be negative");
        }
        this.debounce = debounce;
        // one thread: at most one sync in flight, and the queued one runs after it
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "change-triggers-" + source);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts listening for every source configured with change notifications on, each triggering its own sync.
     * Closing the result stops them all.
     */
    public static All startAll(List<ApiSource> sources, List<ScheduledSync> syncs, ChangeNotifications.ReplayStore replays) {
        List<ChangeTriggers> started = new ArrayList<>();
        for (ApiSource api : sources) {
            if (api.changeDebounce().isEmpty()) {
                continue;
            }
            SourceSync sync = syncs.stream().map(ScheduledSync::sync).filter(s -> s.source().equals(api.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(api.name() + ": no sync for its change notifications"));
            ChangeTriggers triggers = new ChangeTriggers(api.name(), sync::sync, api.changeDebounce().get());
            triggers.listen((ChangeNotifications) api.feed(), replays);
            started.add(triggers);
        }
        return new All(List.copyOf(started));
    }

    /** The running triggers of all sources. */
    public record All(List<ChangeTriggers> triggers) implements AutoCloseable {
        @Override
        public void close() {
            triggers.forEach(ChangeTriggers::close);
        }
    }

    void listen(ChangeNotifications notifications, ChangeNotifications.ReplayStore replays) {
        subscription = notifications.subscribe(replays, this::changed);
        LOG.info("{}: syncing on change notifications, debounced by {} ms", source, debounce.toMillis());
    }

    /** The source reported changes: a sync after the debounce unless one is already waiting. */
    void changed() {
        if (queued.compareAndSet(false, true)) {
            executor.schedule(this::run, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** No sync waiting nor running. */
    boolean idle() {
        return !queued.get() && !running.get();
    }

    private void run() {
        running.set(true);
        // changes reported from here on need a sync of their own: this one may have read past them already or not
        queued.set(false);
        try {
            sync.run();
        } catch (RuntimeException e) {
            // the sync records its own failures; anything else waits for the next change or the schedule
            LOG.warn("{}: sync on change notification failed: {}", source, e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("{}: a sync on change notification was still running when stopped", source);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
