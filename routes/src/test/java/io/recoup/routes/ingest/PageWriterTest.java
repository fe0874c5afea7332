package io.recoup.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.port.FeedPage;
import io.recoup.core.port.LedgerBatch;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Pages are stored in the order they came, on their own thread; a page that cannot be stored stops the sync. */
class PageWriterTest {
    private static FeedPage page(int n) {
        return new FeedPage(new LedgerBatch("page " + n, 0, List.of(), List.of(), List.of()), List.of(), Set.of(), 0);
    }

    @Test
    void storesEveryPageInTheOrderTheyCame() {
        List<String> stored = new CopyOnWriteArrayList<>();
        PageWriter writer = new PageWriter("erp", p -> stored.add(p.batch().origin()), 2);
        for (int n = 1; n <= 20; n++) {
            writer.accept(page(n));
        }
        writer.finish();
        assertThat(stored).hasSize(20).startsWith("page 1", "page 2").endsWith("page 20");
        assertThat(stored).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5))));
    }

    @Test
    void aPageThatCannotBeStoredStopsTheSyncAndNoLaterPageIsStored() throws InterruptedException {
        List<String> stored = new CopyOnWriteArrayList<>();
        CountDownLatch failedOnce = new CountDownLatch(1);
        PageWriter writer = new PageWriter("erp", p -> {
            if (p.batch().origin().equals("page 2")) {
                failedOnce.countDown();
                throw new IllegalStateException("the database went away");
            }
            stored.add(p.batch().origin());
        }, 1);
        writer.accept(page(1));
        writer.accept(page(2));
        failedOnce.await();
        // the next hand-over either throws at once or is skipped; either way nothing after page 2 is stored
        try {
            writer.accept(page(3));
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the database went away");
        }
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        assertThat(stored).containsExactly("page 1");
    }
}
