package io.recoup.routes.directdebit;

import io.recoup.core.ledger.Rejection;
import io.recoup.core.lifecycle.CollectionEvent;
import io.recoup.core.lifecycle.IllegalTransition;
import io.recoup.sepa.pain002.Pain002Reader;
import io.recoup.sepa.pain002.Pain002Report;
import io.recoup.sepa.pain002.PaymentStatus;
import io.recoup.sepa.pain002.StatusReason;
import io.recoup.sepa.pain002.TransactionStatus;
import io.recoup.sepa.returns.RTransaction;
import io.recoup.store.Database;
import io.recoup.store.directdebit.CollectionRepository;
import io.recoup.store.directdebit.StoredCollection;
import io.recoup.store.ledger.LedgerRepository;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pain.002 status report in one transaction. Each rejected transaction goes to {@link ReturnHandling}; a
 * rejected payment block or group without transaction details rejects every presentation of that block or file with
 * the block's or group's reason; accepted transactions mark their presentation ACCEPTED. An end-to-end id of Recoup's
 * form that matches nothing, an acceptance the collection lifecycle refuses (a collection never submitted), and every
 * problem of the file, is quarantined with its line, so nothing is dropped silently. Importing the same report again changes nothing.
 */
public final class StatusReportImport {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReportImport.class);
    /** ISO and DK status codes that mean the bank took the collection. */
    private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "RCVC");

    private final Pain002Reader reader = new Pain002Reader();
    private final Database db;
    private final CollectionRepository collections;
    private final LedgerRepository ledger;
    private final ReturnHandling returns;

    StatusReportImport(Database db, CollectionRepository collections, LedgerRepository ledger, ReturnHandling returns) {
        this.db = db;
        this.collections = collections;
        this.ledger = ledger;
        this.returns = returns;
    }

    public DirectDebitReports.StatusImport importStatus(String origin, InputStream report) {
        Pain002Report read = reader.read(report, origin);
        List<DirectDebitReports.Handled> handled = new ArrayList<>();
        int accepted = db.inTransaction(() -> {
            int count = 0;
            for (TransactionStatus tx : read.transactions()) {
                if (tx.isRejected()) {
                    RTransaction.fromStatus(tx).ifPresent(r -> reject(origin, tx.line(), r, handled));
                } else if (ACCEPTED.contains(tx.status()) && accept(origin, tx)) {
                    count++;
                }
            }
            for (PaymentStatus block : read.payments()) {
                if (block.isRejected() && block.transactions().isEmpty()) {
                    rejectBlock(origin, read.originalMessageId(), block, handled);
                }
            }
            if ("RJCT".equals(read.groupStatus()) && read.payments().isEmpty() && read.originalMessageId() != null) {
                rejectAll(origin, collections.inFile(read.originalMessageId()), read.groupReasons(), handled);
            }
            read.problems().forEach(p -> ledger.quarantine("sepa-status", new Rejection(origin, p.line(), p.path(), p.message(), "")));
            return count;
        });
        List<String> problems = read.problems().stream().map(Object::toString).toList();
        LOG.info("imported status report {}: {} reject(s) handled, {} accepted, {} problem(s)", origin, handled.size(), accepted,
                problems.size());
        return new DirectDebitReports.StatusImport(origin, handled, accepted, problems);
    }

    private void reject(String origin, int line, RTransaction r, List<DirectDebitReports.Handled> handled) {
        Optional<DirectDebitReports.Handled> outcome = returns.apply(r, origin);
        if (outcome.isEmpty() || outcome.get().outcome().equals("UNKNOWN")) {
            ledger.quarantine("sepa-status", new Rejection(origin, line, "OrgnlEndToEndId", "reject " + r.reasonCode()
                    + " for end-to-end id " + r.endToEndId() + ", which is no collection of Recoup's", ""));
        }
        outcome.ifPresent(handled::add);
    }

    /** A rejected block without transaction details: its presentations in the original file, never another file's. */
    private void rejectBlock(String origin, String messageId, PaymentStatus block, List<DirectDebitReports.Handled> handled) {
        if (messageId == null) {
            ledger.quarantine("sepa-status", new Rejection(origin, -1, "OrgnlGrpInfAndSts/OrgnlMsgId", "block "
                    + block.originalPaymentInformationId() + " is rejected but the report names no original message, so no"
                    + " collection was touched", ""));
            return;
        }
        rejectAll(origin, collections.inPaymentBlock(messageId, block.originalPaymentInformationId()), block.reasons(), handled);
    }

    private void rejectAll(String origin, List<StoredCollection> presented, List<StatusReason> reasons,
                           List<DirectDebitReports.Handled> handled) {
        String code = reasons.stream().map(StatusReason::effectiveCode).filter(c -> c != null).findFirst().orElse(null);
        String info = reasons.stream().flatMap(r -> r.additionalInfo().stream()).reduce((a, b) -> a + " " + b).orElse(null);
        for (StoredCollection c : presented) {
            returns.apply(new RTransaction(RTransaction.Source.PAIN002_REJECT, c.endToEndId(), code, null, null, null, null, info),
                    origin).ifPresent(handled::add);
        }
    }

    /**
     * False when the collection was accepted already or has moved on (a replayed report); an acceptance of a
     * collection that never went into a file is quarantined with its line, and the rest of the report goes on.
     */
    private boolean accept(String origin, TransactionStatus tx) {
        if (tx.originalEndToEndId() == null) {
            return false;
        }
        try {
            return collections.findForUpdate(tx.originalEndToEndId())
                    .map(c -> collections.move(c.id(), CollectionEvent.ACCEPT, null, null, null)).orElse(false);
        } catch (IllegalTransition e) {
            ledger.quarantine("sepa-status", new Rejection(origin, tx.line(), "OrgnlEndToEndId", tx.status() + " for end-to-end id "
                    + tx.originalEndToEndId() + ": " + e.getMessage(), ""));
            return false;
        }
    }
}
