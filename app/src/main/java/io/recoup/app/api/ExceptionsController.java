package io.recoup.app.api;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.matching.Payers;
import io.recoup.routes.match.ExceptionQueue;
import io.recoup.store.Database;
import io.recoup.store.access.AuditSnapshots;
import io.recoup.store.receipt.ReceiptRepository;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exceptions queue for a person: what waits (with the reason and the candidates the matcher saw), allocating a
 * receipt by hand to one or several items, marking it as not ours, or asking for a refund; each with a reason, in the
 * event log under the signed-in user's name. Allocations by hand are posted back like any allocation.
 */
@RestController
@RequestMapping("/api/exceptions")
public class ExceptionsController {
    private final ExceptionQueue queue;
    private final Clock clock;
    private final AuditTrail audit;
    private final AuditSnapshots snapshots;

    public ExceptionsController(ExceptionQueue queue, Clock clock, AuditTrail audit, Database db) {
        this.queue = queue;
        this.audit = audit;
        this.snapshots = new AuditSnapshots(db);
        this.clock = clock;
    }

    /** A person's allocation: shares of the receipt to items, and why. */
    public record AllocationRequest(List<Share> allocations, String reason) {
        public record Share(String source, String id, BigDecimal amount) {}
    }

    /** Taking a receipt out of the queue without allocating it, and why. */
    public record ResolutionRequest(String reason) {}

    @GetMapping
    public Map<String, Object> waiting(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestChecks check = new RequestChecks(null);
        Page p = Page.of(check, page, size);
        check.refuseIfAny();
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (ReceiptRepository.Waiting w : queue.waiting(p.offset(), p.limit())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("receipt", w.id().value());
            row.put("bankReference", w.providerId());
            row.put("status", w.status());
            row.put("amount", w.amount().toString());
            row.put("unallocated", w.unallocated().toString());
            row.put("bookedOn", w.bookedOn());
            row.put("payer", w.payerName());
            row.put("payerAccount", w.payerIban() == null ? null : Payers.masked(w.payerIban()));
            row.put("remittance", w.remittance());
            row.put("reason", w.reason());
            receipts.add(row);
        }
        Map<String, Object> body = p.body("receipts", receipts);
        body.put("unresolvedReturns", queue.unresolvedReturns(Page.MAX_SIZE));
        return body;
    }

    @PostMapping("/{receipt}/allocations")
    public ResponseEntity<Map<String, Object>> allocate(@PathVariable long receipt, @RequestBody AllocationRequest body, Principal who) {
        RequestChecks checks = new RequestChecks(LocalDate.now(clock));
        String reason = checks.text(body.reason(), "reason", RequestChecks.MAX_REASON_LENGTH);
        List<AllocationRequest.Share> given = checks.required(body.allocations(), "allocations");
        List<ExceptionQueue.Share> shares = new ArrayList<>();
        if (given != null && given.isEmpty()) {
            checks.refuse("allocations", "at least one share is needed");
        }
        for (int i = 0; given != null && i < given.size(); i++) {
            AllocationRequest.Share s = given.get(i);
            String source = checks.text(s.source(), "allocations[" + i + "].source", 100);
            String id = checks.text(s.id(), "allocations[" + i + "].id", 200);
            BigDecimal amount = checks.required(s.amount(), "allocations[" + i + "].amount");
            if (amount != null && (amount.signum() <= 0 || amount.compareTo(RequestChecks.MAX_AMOUNT) > 0)) {
                checks.refuse("allocations[" + i + "].amount", "must be positive and at most " + RequestChecks.MAX_AMOUNT.toPlainString());
                amount = null;
            }
            if (source != null && id != null && amount != null) {
                shares.add(new ExceptionQueue.Share(new OpenItemKey(source, id), amount));
            }
        }
        checks.refuseIfAny();
        List<AllocationId> made = audit.change(who, "receipt.allocate", "receipt " + receipt, () -> snapshots.receipt(receipt),
                () -> queue.allocate(new ReceiptId(receipt), shares, who.getName(), reason));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("allocations", made.stream().map(AllocationId::value).toList()));
    }

    @PostMapping("/{receipt}/not-ours")
    public Map<String, Object> notOurs(@PathVariable long receipt, @RequestBody ResolutionRequest body, Principal who) {
        String reason = reason(body);
        audit.change(who, "receipt.not-ours", "receipt " + receipt, () -> snapshots.receipt(receipt),
                () -> queue.markNotOurs(new ReceiptId(receipt), who.getName(), reason));
        return Map.of("receipt", receipt, "status", "NOT_OURS");
    }

    @PostMapping("/{receipt}/refund")
    public Map<String, Object> refund(@PathVariable long receipt, @RequestBody ResolutionRequest body, Principal who) {
        String reason = reason(body);
        audit.change(who, "receipt.refund", "receipt " + receipt, () -> snapshots.receipt(receipt),
                () -> queue.requestRefund(new ReceiptId(receipt), who.getName(), reason));
        return Map.of("receipt", receipt, "status", "REFUND_REQUESTED");
    }

    private String reason(ResolutionRequest body) {
        RequestChecks checks = new RequestChecks(LocalDate.now(clock));
        String reason = checks.text(body == null ? null : body.reason(), "reason", RequestChecks.MAX_REASON_LENGTH);
        checks.refuseIfAny();
        return reason;
    }
}
