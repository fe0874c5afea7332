package io.recoup.core.port;

import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.Rejection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one read of a ledger export gave: every row read is either a good {@link Row} or refused with at least one
 * {@link Rejection} on its line, so {@code rows + rejected rows = rows read} holds by construction. Warnings say what
 * was read but ignored (an unknown column); they refuse nothing.
 */
public record LedgerBatch(String origin, int rowsRead, List<Row> rows, List<Rejection> rejections, List<String> warnings) {

    /** One good row, the line of the export it came from and its text there, kept for a refusal further on. */
    public record Row(long line, String raw, LedgerRecord record) {
        public Row {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(record, "record");
        }
    }

    public LedgerBatch {
        Objects.requireNonNull(origin, "origin");
        rows = List.copyOf(rows);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        Set<Long> rejectedLines = rejectedLines(rejections);
        if (rows.stream().anyMatch(r -> rejectedLines.contains(r.line()))) {
            throw new IllegalArgumentException(origin + ": a row cannot be both loaded and rejected");
        }
        if (rows.size() + rejectedLines.size() != rowsRead) {
            throw new IllegalArgumentException(origin + ": " + rows.size() + " good rows and " + rejectedLines.size()
                    + " rejected rows do not add up to the " + rowsRead + " rows read");
        }
    }

    /** The good records, in the order of the export. */
    public List<LedgerRecord> records() {
        return rows.stream().map(Row::record).toList();
    }

    /** How many rows were refused (a row with several bad fields counts once). */
    public int rejectedRows() {
        return rejectedLines(rejections).size();
    }

    private static Set<Long> rejectedLines(List<Rejection> rejections) {
        Set<Long> lines = new HashSet<>();
        rejections.forEach(r -> lines.add(r.line()));
        return lines;
    }
}
