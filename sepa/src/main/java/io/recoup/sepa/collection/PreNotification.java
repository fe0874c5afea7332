package io.recoup.sepa.collection;

import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.Mandate;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The notice a debtor must receive before a collection (SDD Core rulebook PT-04.02, DOMAIN.md §3.3): due date,
 * amount, mandate reference and creditor identifier, at least 14 calendar days ahead unless the mandate terms agree
 * another period. This record is what to send; the channel layer sends it and records when.
 *
 * @param latestNotificationDate the last day the notice may go out: due date minus the agreed period
 * @param debtorIban             optional in the notice; Recoup prints it masked or not at the channel's choice
 */
public record PreNotification(
        LocalDate dueDate,
        SepaAmount amount,
        MandateReference mandateReference,
        CreditorIdentifier creditorId,
        String debtorName,
        Iban debtorIban,
        LocalDate latestNotificationDate) {

    /** The rulebook's default period when the mandate terms say nothing else. */
    public static final int DEFAULT_PERIOD_DAYS = 14;

    public PreNotification {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mandateReference, "mandateReference");
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(debtorName, "debtorName");
        Objects.requireNonNull(latestNotificationDate, "latestNotificationDate");
        if (latestNotificationDate.isAfter(dueDate)) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Pre-notification for " + mandateReference
                    + ": the latest notification date " + latestNotificationDate + " lies after the due date " + dueDate);
        }
    }

    /** The notice for a collection of {@code amount} on {@code dueDate} with the agreed period in calendar days. */
    public static PreNotification of(Mandate mandate, LocalDate dueDate, SepaAmount amount, int periodDays) {
        return new PreNotification(dueDate, amount, mandate.reference(), mandate.creditorId(), mandate.debtorName(),
                mandate.debtorIban(), latestNotificationDate(dueDate, periodDays));
    }

    /** Due date minus the agreed period; the rulebook's 14 days unless the mandate terms agree fewer or more. */
    public static LocalDate latestNotificationDate(LocalDate dueDate, int periodDays) {
        if (periodDays < 0) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION,
                    "Pre-notification period must be zero or more calendar days, not " + periodDays);
        }
        return dueDate.minusDays(periodDays);
    }

    /** True when a notice sent on {@code sentOn} was in time. */
    public boolean isInTime(LocalDate sentOn) {
        return !sentOn.isAfter(latestNotificationDate);
    }
}
