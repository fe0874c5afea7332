package io.recoup.core.port;

import java.util.function.Consumer;

/**
 * A source ledger Recoup asks for its open items over an API, page by page (Business Central, SAP S/4HANA,
 * Salesforce), where {@link OpenItemSource} is handed an export. A sync is either full (everything open in the source)
 * or incremental (what changed since a watermark, which the caller takes back by an overlap window against clock skew).
 * Each page comes with its own accounting (its {@link LedgerBatch}: loaded + rejected = read), the items the source
 * reports closed, and every key the page named, so a full sync can tell an item gone from the source from one whose
 * record could not be read.
 *
 * <p>Implementations retry what is transient (429 with {@code Retry-After}, 5xx, timeouts) themselves and throw
 * {@link FeedUnavailable} when the source cannot be read to the end; pages handed over before that stay loaded, and the
 * watermark does not move.
 */
public interface OpenItemFeed {
    /** The configured name items from this source are keyed by, e.g. {@code bc-de}. */
    String sourceName();

    /** Reads the sync's pages in order, handing each to {@code pages} before the next is asked for. */
    FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> pages);
}
