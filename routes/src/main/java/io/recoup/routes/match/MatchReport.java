package io.recoup.routes.match;

import java.util.List;

/** One matching run: what the matcher did with each new receipt. */
public record MatchReport(List<Matched> receipts) {

    public long count(String outcome) {
        return receipts.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /** What matching did with one receipt. */
    public record Matched(long receiptId, String amount, String outcome, String invoiceNumber, String detail) {}
}
