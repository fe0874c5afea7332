package io.recoup.sepa.collection;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The submission rule for SDD Core and B2B since SDD Core rulebook 9.2 (21 November 2016, DOMAIN.md §3.3): the
 * collection must reach the debtor bank by D-1, one TARGET business day before the due date, for every sequence
 * type (the former D-5 for FRST/OOFF and D-2 for RCUR/FNAL are gone). Recoup applies it to the file: the requested
 * collection date must be a TARGET business day at least one business day after the submission date. The creditor
 * bank's own cut-off (often D-1 at 07:00 or earlier) is the bank's affair; pick the submission date accordingly.
 */
public final class CollectionDates {

    private CollectionDates() {
    }

    /** The earliest requested collection date for a file submitted on {@code submissionDate}. */
    public static LocalDate earliestCollectionDate(LocalDate submissionDate) {
        Objects.requireNonNull(submissionDate, "submissionDate");
        return TargetCalendar.nextBusinessDay(submissionDate);
    }

    /** The earliest collection date that respects both D-1 and a pre-notification sent on {@code notifiedOn}. */
    public static LocalDate earliestCollectionDate(LocalDate submissionDate, LocalDate notifiedOn, int notificationDays) {
        LocalDate afterNotice = TargetCalendar.onOrAfter(notifiedOn.plusDays(notificationDays));
        LocalDate afterSubmission = earliestCollectionDate(submissionDate);
        return afterNotice.isAfter(afterSubmission) ? afterNotice : afterSubmission;
    }

    /**
     * The date to collect an item due on {@code dueDate}, deciding on {@code today}: the due date (or the next TARGET
     * business day), unless a pre-notification sent today and the D-1 rule need a later one.
     */
    public static LocalDate collectionDate(LocalDate dueDate, LocalDate today, int preNotificationDays) {
        LocalDate onDue = TargetCalendar.onOrAfter(dueDate);
        LocalDate earliest = earliestCollectionDate(today, today, preNotificationDays);
        return onDue.isAfter(earliest) ? onDue : earliest;
    }

    /** Refuses a requested collection date that breaks the D-1 rule or falls on a TARGET closing day. */
    public static void check(LocalDate submissionDate, LocalDate requestedCollectionDate) {
        Objects.requireNonNull(requestedCollectionDate, "requestedCollectionDate");
        LocalDate earliest = earliestCollectionDate(submissionDate);
        if (requestedCollectionDate.isBefore(earliest)) {
            throw new SepaException(SepaErrorCode.COLLECTION_DATE_TOO_EARLY, "Requested collection date "
                    + requestedCollectionDate + " is less than one TARGET business day after the submission date "
                    + submissionDate + " (SDD rulebook D-1); the earliest is " + earliest);
        }
        if (!TargetCalendar.isBusinessDay(requestedCollectionDate)) {
            throw new SepaException(SepaErrorCode.COLLECTION_DATE_TOO_EARLY, "Requested collection date "
                    + requestedCollectionDate + " is a TARGET closing day; use " + TargetCalendar.onOrAfter(requestedCollectionDate));
        }
    }
}
