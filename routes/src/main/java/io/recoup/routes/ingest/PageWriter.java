package io.recoup.routes.ingest;

import io.recoup.core.port.FeedPage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stores a sync's pages on a thread of its own, in the order they came, while the feed already reads the next: a sync
 * then takes about as long as the slower of reading and storing, not both. At most {@code ahead} pages wait, so memory
 * stays bounded. A page that cannot be stored stops the sync: the feed's next hand-over throws it, and so does
 * {@link #finish()}.
 */
final class PageWriter implements Consumer<FeedPage> {
    private final Consumer<FeedPage> store;
    private final Semaphore room;
    private final ExecutorService thread;
    private volatile RuntimeException failed;

    PageWriter(String source, Consumer<FeedPage> store, int ahead) {
        this.store = store;
        this.room = new Semaphore(ahead);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync-" + source + "-store");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the page behind those before it; throws what stopped storing, if anything did. */
    @Override
    public void accept(FeedPage page) {
        rethrow();
        room.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (failed == null) {
                    store.accept(page);
                }
            } catch (RuntimeException e) {
                failed = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every queued page is stored; throws what stopped storing, if anything did. */
    void finish() {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                // a page of a large sync may take a while; storing never stops half-way through a page
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the last pages of the sync were stored", e);
        }
        rethrow();
    }

    private void rethrow() {
        if (failed != null) {
            throw failed;
        }
    }
}
