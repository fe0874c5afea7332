package io.recoup.store.receive;

import io.recoup.core.port.ProviderEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Group commit for the webhooks: requests hand their verified events to a few writer threads, each of which stores
 * whatever is queued (up to a cap of events) with one {@link ProviderEvents#recordAll} and so one flush of the WAL, then
 * completes each request's future. A delivery is answered only after its batch committed, so a 200 still means stored
 * durably; many deliveries share one flush instead of one each. A batch forms while the batch before it is being
 * flushed; when fewer deliveries have queued than were in flight as the last write ended (those it answered and those
 * that queued during it), the writer waits for the rest, but never longer than its last write took (and at most
 * {@value #MAX_GATHER_MILLIS} ms): the senders answered by the last commit are usually on their way with their next
 * delivery, and without the wait they would be flushed one commit after those that queued meanwhile, so the senders
 * split into two groups that take turns with half the batch each. A lone sender's count is one, so it never waits. A delivery whose events were all seen committed here lately (a provider's resend) is
 * answered at once without a write: stored events are never deleted, so it is stored durably already. A batch the database refuses for its data is written again one delivery at a time, so a malformed delivery
 * fails alone; any other failure fails the waiters of that batch only, and the next batch tries afresh. {@link #close}
 * refuses new deliveries and returns once every queued one has been written or failed.
 */
public final class ProviderEventWriter implements AutoCloseable {
    private static final long IDLE_POLL_MILLIS = 50;
    /** The longest a batch waits for the deliveries the last batch suggests are coming. */
    static final long MAX_GATHER_MILLIS = 10;
    /** How many committed (provider, event id) are remembered to answer resends at once: a few MB. */
    private static final int REMEMBERED = 100_000;

    private final ProviderEvents events;
    private final int maxEvents;
    private final long maxGatherNanos;
    private final BlockingQueue<Delivery> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final Set<String> committed = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /**
     * {@code threads} writers over {@code events}, each storing at most {@code maxEvents} events per statement (a
     * delivery bigger than that goes alone); at most {@code capacity} deliveries wait, beyond that one is refused at once.
     */
    public ProviderEventWriter(ProviderEvents events, int threads, int maxEvents, int capacity) {
        this(events, threads, maxEvents, capacity, Duration.ofMillis(MAX_GATHER_MILLIS));
    }

    /** As above, a batch waiting at most {@code maxGather} for the deliveries it expects (tests take their time). */
    ProviderEventWriter(ProviderEvents events, int threads, int maxEvents, int capacity, Duration maxGather) {
        if (threads < 1 || maxEvents < 1 || capacity < 1) {
            throw new IllegalArgumentException("threads, maxEvents and capacity must be positive: " + threads + ", "
                    + maxEvents + ", " + capacity);
        }
        this.events = events;
        this.maxEvents = maxEvents;
        this.maxGatherNanos = maxGather.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(this::run, "provider-event-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /** Why a delivery's events were not stored: the writer is closed or full, or the database failed their batch. */
    public static final class NotStored extends RuntimeException {
        NotStored(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private record Delivery(List<ProviderEvent> events, CompletableFuture<Void> stored) {}

    /**
     * Queues {@code delivered} for the next batch; the future completes once they are committed (new or already
     * stored), or exceptionally with {@link NotStored}.
     */
    public CompletableFuture<Void> submit(List<ProviderEvent> delivered) {
        if (seenCommitted(delivered)) {
            return CompletableFuture.completedFuture(null);
        }
        Delivery delivery = new Delivery(List.copyOf(delivered), new CompletableFuture<>());
        // under the lock, so no delivery enters the queue after close() let the writer see it empty for the last time
        synchronized (this) {
            if (closed) {
                delivery.stored().completeExceptionally(new NotStored("the event writer is closed", null));
            } else if (!queue.offer(delivery)) {
                delivery.stored().completeExceptionally(new NotStored("the event writer's queue is full", null));
            }
        }
        return delivery.stored();
    }

    /** Refuses new deliveries, writes those queued and waits for the writers to finish. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private void run() {
        Delivery carried = null;
        int inFlight = 1;
        long lastWriteNanos = 0;
        try {
            while (true) {
                Delivery first = carried != null ? carried : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                List<Delivery> batch = new ArrayList<>(List.of(first));
                long gatherUntil = System.nanoTime() + Math.min(lastWriteNanos, maxGatherNanos);
                carried = fill(batch, first.events().size(), inFlight, gatherUntil);
                long started = System.nanoTime();
                write(batch);
                lastWriteNanos = System.nanoTime() - started;
                // the senders this commit answered will be back; those that queued during the write are here already
                inFlight = batch.size() + queue.size() + (carried == null ? 0 : 1);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            List<Delivery> left = new ArrayList<>();
            queue.drainTo(left);
            fail(left, new NotStored("the event writer was interrupted", interrupted));
        }
    }

    /**
     * Adds to {@code batch} what is queued while the events stay within the cap, waiting until {@code gatherUntil}
     * (System.nanoTime) while the batch holds fewer than {@code expected} deliveries and the writer is open; returns the
     * delivery taken that did not fit (it starts this writer's next batch), or null.
     */
    private Delivery fill(List<Delivery> batch, int size, int expected, long gatherUntil) {
        while (true) {
            Delivery next = queue.poll();
            long left = gatherUntil - System.nanoTime();
            if (next == null && batch.size() < expected && left > 0 && !closed) {
                try {
                    next = queue.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException interrupted) {
                    // the batch taken is written (or failed) all the same; the writer's next poll ends it
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            if (next == null) {
                return null;
            }
            if (size + next.events().size() > maxEvents) {
                return next;
            }
            batch.add(next);
            size += next.events().size();
        }
    }

    private void write(List<Delivery> batch) {
        try {
            List<ProviderEvent> all = batch.stream().flatMap(d -> d.events().stream()).toList();
            events.recordAll(all);
            remember(all);
            batch.forEach(d -> d.stored().complete(null));
        } catch (DataIntegrityViolationException refused) {
            if (batch.size() == 1) {
                fail(batch, new NotStored("the database refused the delivery's events", refused));
            } else {
                batch.forEach(d -> write(List.of(d)));
            }
        } catch (RuntimeException failure) {
            // the writer must outlive any failure: the waiters get it, the next batch tries again
            fail(batch, new NotStored("the database failed the batch", failure));
        }
    }

    private boolean seenCommitted(List<ProviderEvent> delivered) {
        synchronized (committed) {
            return !delivered.isEmpty() && delivered.stream().allMatch(e -> committed.contains(key(e)));
        }
    }

    private void remember(List<ProviderEvent> stored) {
        synchronized (committed) {
            stored.forEach(e -> committed.add(key(e)));
        }
    }

    private static String key(ProviderEvent event) {
        return event.provider() + '\n' + event.eventId();
    }

    private static void fail(List<Delivery> deliveries, NotStored reason) {
        deliveries.forEach(d -> d.stored().completeExceptionally(reason));
    }
}
