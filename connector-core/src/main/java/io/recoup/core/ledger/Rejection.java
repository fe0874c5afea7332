package io.recoup.core.ledger;

/**
 * Why one record of an input could not be taken: the file (or other origin), the line, the column and the reason,
 * plus the raw text so nothing is lost. Quarantined, never dropped.
 */
public record Rejection(String origin, long line, String column, String reason, String raw) {
    @Override
    public String toString() {
        return origin + " line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
