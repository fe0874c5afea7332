package io.recoup.routes.plan;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.store.plan.CustomerCaseReader;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The planning stage's parallel decider: takes the batches of customer cases that the store's
 * {@link CustomerCaseReader} reads and decides them on the common fork-join pool while the next batch is read,
 * handing every result to a sink on the calling thread in customer order. The calling thread keeps the transaction
 * the reader streams in, so the sink may write in it too.
 */
public final class ParallelDecider {
    private static final int CUSTOMERS_PER_TASK = 1_000;

    private final Batches cases;

    /** Where the cases come from: {@link CustomerCaseReader#forEachBatch} in the application. */
    @FunctionalInterface
    public interface Batches {
        /** Hands {@code consumer} every case, in customer order, batch after batch, on the calling thread. */
        void forEachBatch(LocalDate today, Consumer<? super List<CustomerCase>> consumer);
    }

    public ParallelDecider(Batches cases) {
        this.cases = cases;
    }

    /** Decides the cases the store reads: {@code new ParallelDecider(reader::forEachBatch)}. */
    public ParallelDecider(CustomerCaseReader reader) {
        this(reader::forEachBatch);
    }

    /** {@link #decideEach(LocalDate, Function, Consumer)} with every result kept, in customer order. */
    public <R> List<R> decideEach(LocalDate today, Function<CustomerCase, R> decide) {
        List<R> results = new ArrayList<>();
        decideEach(today, decide, results::add);
        return results;
    }

    /**
     * Applies {@code decide} to every customer with open items and hands each result to {@code sink} in customer
     * order. Batches are read on the calling thread (which holds the transaction) while the common fork-join pool
     * decides the ones already read, a slice of customers per task; between two batches the calling thread hands over
     * what is decided, so results need not pile up and {@code sink} may write in the same transaction. Once reading
     * is done the calling thread decides what no worker has started. {@code decide} must be safe to call from several
     * threads (the engine is pure). Must run inside a transaction. The first failure of {@code decide}, in customer
     * order, is thrown as it was thrown (an unchecked exception) or wrapped in a {@link CompletionException} (an error).
     */
    public <R> void decideEach(LocalDate today, Function<CustomerCase, R> decide, Consumer<? super R> sink) {
        Deque<BatchTask<R>> pending = new ArrayDeque<>();
        cases.forEachBatch(today, batch -> {
            for (int from = 0; from < batch.size(); from += CUSTOMERS_PER_TASK) {
                BatchTask<R> task = new BatchTask<>(batch.subList(from, Math.min(batch.size(), from + CUSTOMERS_PER_TASK)), decide);
                pending.add(task);
                ForkJoinPool.commonPool().execute(task::runOnce);
            }
            handOver(pending, sink, false);
        });
        pending.forEach(BatchTask::runOnce);
        handOver(pending, sink, true);
    }

    /** Passes on the results of the tasks at the head of the queue that are done (or all of them, waiting). */
    private static <R> void handOver(Deque<BatchTask<R>> pending, Consumer<? super R> sink, boolean wait) {
        while (!pending.isEmpty() && (wait || pending.peek().result.isDone())) {
            try {
                pending.poll().result.join().forEach(sink);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** One slice of a batch to decide, run by whichever thread claims it first. */
    private static final class BatchTask<R> {
        final CompletableFuture<List<R>> result = new CompletableFuture<>();
        private final List<CustomerCase> batch;
        private final Function<CustomerCase, R> decide;
        private final AtomicBoolean claimed = new AtomicBoolean();

        BatchTask(List<CustomerCase> batch, Function<CustomerCase, R> decide) {
            this.batch = batch;
            this.decide = decide;
        }

        void runOnce() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(batch.stream().map(decide).toList());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        }
    }
}
