package io.recoup.routes;

import io.recoup.core.ledger.Rejection;
import java.util.List;

/** What each stage did in one run, for the demo's daily lines, the logs and the tests. */
public final class Reports {
    private Reports() {
    }

    /** One ledger file read. */
    public record Ingest(String origin, int inserted, int updated, int unchanged, List<Rejection> rejections) {}

    /** One notice the planner added: the invoices on it, the lead step, the channel and why. */
    public record Planned(long noticeId, String invoiceNumbers, String step, String channel, String reason) {}

    /** One planning run: what was planned and how many items were held or paused (with the reasons in the store). */
    public record Plan(List<Planned> planned, long held, long paused) {}

    /** What happened to one notice at dispatch. */
    public record Dispatched(long noticeId, String invoiceNumbers, String stepId, String channel, String status,
                             String outcome) {}

    /** One dispatch run. */
    public record Dispatch(List<Dispatched> actions) {
        public long count(String status) {
            return actions.stream().filter(a -> a.status().equals(status)).count();
        }
    }

    /** One statement file read. */
    public record Import(String origin, int newReceipts, int duplicates, int ignoredEntries, List<String> problems) {}

    /** What matching did with one receipt. */
    public record Matched(long receiptId, String amount, String outcome, String invoiceNumber, String detail) {}

    /** One matching run. */
    public record Match(List<Matched> receipts) {
        public long count(String outcome) {
            return receipts.stream().filter(r -> r.outcome().equals(outcome)).count();
        }
    }

    /** One post-back run. */
    public record Post(String batch, List<String> documentNumbers, List<String> alreadyInLedger) {}
}
