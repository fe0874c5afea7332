package io.recoup.routes.match;

import java.util.List;

/**
 * One matching run: what the matcher did with each new receipt; {@code skipped} when another instance held the
 * matching lease, so this one matched nothing.
 */
public record MatchReport(List<Matched> receipts, boolean skipped) {

    public MatchReport(List<Matched> receipts) {
        this(receipts, false);
    }

    /** The run of an instance that found another matching. */
    public static MatchReport skippedRun() {
        return new MatchReport(List.of(), true);
    }

    public long count(String outcome) {
        return receipts.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /** What matching did with one receipt. */
    public record Matched(long receiptId, String amount, String outcome, String invoiceNumber, String detail) {}
}
