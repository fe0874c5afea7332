package io.recoup.routes.ingest;

import io.recoup.core.ledger.Rejection;
import java.util.List;

/**
 * What one read of a ledger file did. Every row read is accounted for: {@code inserted + updated + unchanged} rows
 * were loaded and {@code rejectedRows} refused, each refusal with why ({@code rejections}, one per bad field, so a row
 * may have several). {@code closed} items of the source were closed because a full export no longer listed them.
 * Warnings say what was read but ignored.
 */
public record IngestReport(String origin, int rowsRead, int inserted, int updated, int unchanged, int rejectedRows,
                           int closed, List<Rejection> rejections, List<String> warnings) {
    public IngestReport {
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        if (inserted + updated + unchanged + rejectedRows != rowsRead) {
            throw new IllegalArgumentException(origin + ": " + (inserted + updated + unchanged) + " loaded and "
                    + rejectedRows + " rejected do not add up to the " + rowsRead + " rows read");
        }
    }

    public int loaded() {
        return inserted + updated + unchanged;
    }

    /** The accounting in one sentence, as the log and the {@code .rejected} report state it. */
    public String accounting() {
        return origin + ": " + rowsRead + " rows read, " + loaded() + " loaded (" + inserted + " new, " + updated
                + " changed, " + unchanged + " unchanged), " + rejectedRows + " rejected"
                + (closed > 0 ? "; " + closed + " item(s) no longer listed closed" : "");
    }
}
