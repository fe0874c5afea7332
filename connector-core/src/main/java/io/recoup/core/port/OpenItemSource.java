package io.recoup.core.port;

import java.io.InputStream;

/**
 * A source ledger that delivers open items as an export (a file or a response body). Bad records come back as
 * rejections in the batch; they never stop the rest of the batch.
 */
public interface OpenItemSource {
    /** The name items from this source are keyed by, e.g. {@code csv}. */
    String sourceName();

    LedgerBatch read(String origin, InputStream export);
}
