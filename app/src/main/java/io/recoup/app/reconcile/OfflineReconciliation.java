package io.recoup.app.reconcile;

import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.matching.Allocation;
import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.matching.StatementMatcher;
import io.recoup.core.money.Money;
import io.recoup.routes.receive.StatementReceipts;
import io.recoup.sepa.CreditorReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cash application without a database: the ledger's open items, the statements' credits through the matcher of the
 * running application, then the returns, each undoing what the matcher allocated from the credit it sends back. Every
 * credit and every return ends as allocation rows or an exception row; nothing is left out.
 */
public final class OfflineReconciliation {

    /** One allocation line: a receipt's money on an invoice (negative for the reversal of a returned credit). */
    public record AllocationRow(String entryRef, int txIndex, String invoiceNumber, Money amount, String rule, String evidence) {}

    /** One exception line: money of a receipt (or a return) no rule allocated, why, and what a person may look at. */
    public record ExceptionRow(String entryRef, int txIndex, Money amount, String reason, List<String> candidates) {}

    /** Everything one run produced, and how much it read. */
    public record Outcome(List<AllocationRow> allocations, List<ExceptionRow> exceptions, int credits, int returns) {}

    private OfflineReconciliation() {
    }

    public static Outcome run(List<LedgerRecord> ledger, List<StatementReceipts.Received> credits,
                              List<StatementReceipts.Returned> returns) {
        List<MatchableItem> items = items(ledger);
        List<ReceiptToMatch> receipts = receipts(credits);
        List<MatchResult> results = new StatementMatcher(items, new Payers(items, ibans(ledger), Map.of())).matchAll(receipts);
        List<AllocationRow> allocations = new ArrayList<>();
        List<ExceptionRow> exceptions = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            record(credits.get(i), results.get(i), allocations, exceptions);
        }
        for (StatementReceipts.Returned r : returns) {
            undo(r, credits, results, allocations, exceptions);
        }
        return new Outcome(allocations, exceptions, credits.size(), returns.size());
    }

    /** The ledger's items as the matcher sees them, numbered from 1 in the ledger's order. */
    static List<MatchableItem> items(List<LedgerRecord> ledger) {
        List<MatchableItem> items = new ArrayList<>();
        long id = 0;
        for (LedgerRecord r : ledger) {
            items.add(new MatchableItem(++id, r.item().number(), CreditorReference.forInvoice(r.item().number(),
                    r.item().key().toString()).value(), customerOf(r), r.customer().name(), r.item().dueDate(), r.item().openAmount()));
        }
        return items;
    }

    /** The IBANs the ledger gives each customer. */
    static Map<String, Set<String>> ibans(List<LedgerRecord> ledger) {
        Map<String, Set<String>> ibans = new HashMap<>();
        for (LedgerRecord r : ledger) {
            r.customer().ibans().forEach(iban -> ibans.computeIfAbsent(customerOf(r), k -> new HashSet<>()).add(iban));
        }
        return ibans;
    }

    /** The credits as receipts to match, numbered from 1 in the statements' order. */
    static List<ReceiptToMatch> receipts(List<StatementReceipts.Received> credits) {
        List<ReceiptToMatch> receipts = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            StatementReceipts.Received c = credits.get(i);
            receipts.add(new ReceiptToMatch(i + 1L, c.amount(), c.references(), c.remittance(), c.payerName(), c.payerIban(),
                    c.bookedOn() != null ? c.bookedOn() : c.valueDate()));
        }
        return receipts;
    }

    private static String customerOf(LedgerRecord r) {
        return r.customer().key().source() + ":" + r.customer().key().externalId();
    }

    private static void record(StatementReceipts.Received credit, MatchResult result, List<AllocationRow> allocations,
                               List<ExceptionRow> exceptions) {
        for (Allocation a : allocated(result)) {
            allocations.add(new AllocationRow(credit.entryRef(), credit.txIndex(), a.number(), a.amount(), a.rule(), a.evidence()));
        }
        if (result instanceof MatchResult.Partial p) {
            exceptions.add(new ExceptionRow(credit.entryRef(), credit.txIndex(), p.unallocated(), p.reason(), List.of()));
        } else if (result instanceof MatchResult.Unmatched u) {
            exceptions.add(new ExceptionRow(credit.entryRef(), credit.txIndex(), credit.amount(), u.reason(), u.candidates()));
        }
    }

    /** A return undoes the allocations of the one credit it quotes with the same amount; anything less sure is a person's. */
    private static void undo(StatementReceipts.Returned r, List<StatementReceipts.Received> credits, List<MatchResult> results,
                             List<AllocationRow> allocations, List<ExceptionRow> exceptions) {
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            StatementReceipts.Received c = credits.get(i);
            if (c.amount().sameCurrencyAs(r.amount()) && c.amount().compareTo(r.amount()) == 0
                    && c.bankReferences().stream().anyMatch(r.quotedReferences()::contains)) {
                tied.add(i);
            }
        }
        String what = (r.reversal() ? "reversal" : "return") + (r.reasonCode() == null ? "" : " (" + r.reasonCode() + ")");
        if (tied.size() != 1) {
            exceptions.add(new ExceptionRow(r.entryRef(), r.txIndex(), r.amount().negate(), "a " + what + " that ties to "
                    + (tied.isEmpty() ? "no" : tied.size()) + " earlier credit(s) of the same amount quoting its references "
                    + r.quotedReferences() + ": a person decides", List.of()));
            return;
        }
        StatementReceipts.Received credit = credits.get(tied.get(0));
        List<Allocation> undone = allocated(results.get(tied.get(0)));
        for (Allocation a : undone) {
            allocations.add(new AllocationRow(r.entryRef(), r.txIndex(), a.number(), a.amount().negate(), "return of a credit",
                    what + " of entry " + credit.entryRef() + " takes back what it paid; the invoice is open again"));
        }
        Money unallocated = credit.amount().minus(undone.stream().map(Allocation::amount).reduce(Money.zero(credit.amount().currency()), Money::plus));
        if (unallocated.isPositive()) {
            exceptions.add(new ExceptionRow(r.entryRef(), r.txIndex(), unallocated.negate(), what + " of entry "
                    + credit.entryRef() + " takes back " + unallocated + " that was waiting in the exceptions queue: close both",
                    List.of()));
        }
    }

    private static List<Allocation> allocated(MatchResult result) {
        if (result instanceof MatchResult.Matched m) {
            return m.allocations();
        }
        return result instanceof MatchResult.Partial p ? p.allocations() : List.of();
    }
}
