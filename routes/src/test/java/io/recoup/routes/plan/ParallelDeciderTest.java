package io.recoup.routes.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.dunning.ContactLog;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.RiskScore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How the decider hands results over: in customer order, on the calling thread, deciding while the next batch is read. */
class ParallelDeciderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static CustomerCase customer(long id) {
        return new CustomerCase(new CustomerProfile(id, "b2b", ZoneOffset.UTC, Set.of(), Set.of(), List.of(), RiskScore.unknown()),
                List.of(), ContactLog.empty());
    }

    /** Three batches of 2,500 customers (ids 1 to 7,500), each decided in three tasks. */
    private static final ParallelDecider.Batches THREE_BATCHES = (today, consumer) -> {
        for (long first = 1; first <= 7_500; first += 2_500) {
            consumer.accept(LongStream.range(first, first + 2_500).mapToObj(ParallelDeciderTest::customer).toList());
        }
    };

    @Test
    void handsEveryResultToTheSinkOnTheCallingThreadInCustomerOrder() {
        Thread caller = Thread.currentThread();
        List<Long> handed = new ArrayList<>();
        List<Thread> sinkThreads = new ArrayList<>();

        new ParallelDecider(THREE_BATCHES).decideEach(DAY, c -> c.customer().id(), id -> {
            handed.add(id);
            sinkThreads.add(Thread.currentThread());
        });

        assertThat(handed).isEqualTo(LongStream.rangeClosed(1, 7_500).boxed().toList());
        assertThat(sinkThreads).containsOnly(caller);
    }

    @Test
    void decidesABatchWhileTheNextIsRead() {
        CountDownLatch firstDecided = new CountDownLatch(1);
        boolean[] decidedDuringRead = {false};
        ParallelDecider.Batches slowReader = (today, consumer) -> {
            consumer.accept(List.of(customer(1)));
            try {
                // reading the second batch: the first is meanwhile decided on the pool
                decidedDuringRead[0] = firstDecided.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.accept(List.of(customer(2)));
        };

        List<Long> decided = new ParallelDecider(slowReader).decideEach(DAY, c -> {
            firstDecided.countDown();
            return c.customer().id();
        });

        assertThat(decidedDuringRead[0]).isTrue();
        assertThat(decided).containsExactly(1L, 2L);
    }

    @Test
    void throwsTheFirstFailureInCustomerOrderAfterHandingOverWhatCameBeforeIt() {
        List<Long> handed = new ArrayList<>();

        assertThatThrownBy(() -> new ParallelDecider(THREE_BATCHES).decideEach(DAY, c -> {
            long id = c.customer().id();
            if (id == 1_500 || id == 6_000) {
                throw new IllegalStateException("no plan for customer " + id);
            }
            return id;
        }, handed::add)).isInstanceOf(IllegalStateException.class).hasMessage("no plan for customer 1500");
        // the first task (customers 1 to 1,000) was handed over; nothing of the failed one or after it
        assertThat(handed).isEqualTo(LongStream.rangeClosed(1, 1_000).boxed().toList());
    }
}
