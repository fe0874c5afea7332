package io.recoup.routes;

import io.recoup.core.ledger.Rejection;
import io.recoup.core.policy.PlannedAction;
import java.util.List;

/** What each stage did in one run, for the demo's daily lines, the logs and the tests. */
public final class Reports {
    private Reports() {
    }

    /** One ledger file read. */
    public record Ingest(String origin, int inserted, int updated, int unchanged, List<Rejection> rejections) {}

    /** One action the planner added, with the invoice it is for. */
    public record Planned(String invoiceNumber, PlannedAction action) {}

    /** One planning run. */
    public record Plan(List<Planned> planned) {}

    /** What happened to one action at dispatch. */
    public record Dispatched(long actionId, String invoiceNumber, String stepId, String channel, String status,
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
