package io.recoup.routes.ingest;

/**
 * What one sync of a source ledger read over an API did. Every record read is accounted for: {@code inserted +
 * updated + unchanged + rejected = read}, page by page. {@code closed} items were reported closed by the source or,
 * after a full sync, no longer listed by it. A sync that stopped before its end says why in {@code failure}; the pages
 * before that stay loaded.
 */
public record SyncReport(String source, boolean full, int pages, int read, int inserted, int updated, int unchanged,
                         int rejected, int closed, String failure) {
    public SyncReport {
        if (inserted + updated + unchanged + rejected != read) {
            throw new IllegalArgumentException(source + ": " + (inserted + updated + unchanged) + " loaded and " + rejected
                    + " rejected do not add up to the " + read + " records read");
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** The accounting in one sentence, as the log states it. */
    public String accounting() {
        return source + " (" + (full ? "full" : "incremental") + " sync): " + pages + " page(s), " + read + " records read, "
                + (inserted + updated + unchanged) + " loaded (" + inserted + " new, " + updated + " changed, " + unchanged
                + " unchanged), " + rejected + " rejected, " + closed + " closed" + (failed() ? "; stopped: " + failure : "");
    }
}
