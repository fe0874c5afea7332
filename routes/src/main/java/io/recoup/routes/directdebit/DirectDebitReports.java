package io.recoup.routes.directdebit;

import java.time.LocalDate;
import java.util.List;

/** What each direct-debit step did in one run, for logs, the day runner and tests. */
public final class DirectDebitReports {
    private DirectDebitReports() {
    }

    /** An item taken into direct debit: its first presentation and the date asked for. */
    public record Picked(String endToEndId, String invoiceNumber, String amount, LocalDate collectionDate) {}

    /** What happened to one pre-notification: SENT, DEFERRED (try again next run) or CANCELLED. */
    public record Notified(String endToEndId, String invoiceNumber, LocalDate collectionDate, String status, String outcome) {}

    /** One pain.008 file stored and written to the outbox. */
    public record Submitted(String fileName, String messageId, int transactions, String controlSum, List<String> endToEndIds) {}

    /**
     * One collect run. {@code withdrawn} names presentations taken out before the file (item paid, mandate unusable,
     * submission day missed) with the reason; {@code refused} holds the error when no file could be written at all.
     */
    public record Collect(List<Picked> picked, List<Notified> notified, List<Submitted> files, List<String> withdrawn,
                          List<String> refused) {}

    /** One presentation settled: MATCHED (allocated in full), PARTLY_ALLOCATED or UNMATCHED (item already paid). */
    public record Settled(String endToEndId, String invoiceNumber, String amount, String outcome) {}

    /**
     * One reject or return: REJECTED or RETURNED with the reason and the action taken, ALREADY_HANDLED for a repeat,
     * UNKNOWN for an end-to-end id of Recoup's form that matches no collection.
     */
    public record Handled(String endToEndId, String outcome, String reasonCode, String action, String explanation) {}

    /** One pain.002 file read. */
    public record StatusImport(String origin, List<Handled> handled, int accepted, List<String> problems) {}

    /** Everything one direct-debit day did, plus the status files that failed as a whole. */
    public record Day(LocalDate day, List<StatusImport> statusImports, List<Settled> settled, Collect collect,
                      List<String> failedFiles) {}
}
