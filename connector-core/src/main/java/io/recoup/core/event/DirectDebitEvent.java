package io.recoup.core.event;

import io.recoup.core.id.AllocationId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the SEPA direct-debit stages did: to an item's presentations, to mandates and to pain.008 files. SEPA values
 * (mandate references, creditor identifiers, sequence types) come as their text: the core does not know the sepa
 * module.
 */
public sealed interface DirectDebitEvent extends RecoupEvent {

    @Override
    default String actor() {
        return "direct-debit";
    }

    /** The item is taken into direct debit, to be collected on {@code collectionDate}. */
    record Planned(OpenItemKey item, String endToEndId, Money amount, LocalDate collectionDate, LocalDate dueDate)
            implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() {
            return "direct debit " + endToEndId + " planned: " + amount + " on " + collectionDate;
        }
        @Override public String why() { return "due " + dueDate + ", the customer has a usable mandate"; }
    }

    /** The debtor was told amount, date, mandate and creditor identifier. */
    record PreNotified(OpenItemKey item, String endToEndId, Money amount, LocalDate collectionDate, String mandate,
                       String creditorId, String sentTo, String messageId) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() {
            return "pre-notified direct debit " + endToEndId + ": " + amount + " on " + collectionDate;
        }
        @Override public String why() {
            return "mandate " + mandate + ", creditor " + creditorId + ", sent to " + sentTo + " as " + messageId;
        }
    }

    /** The channel asked to try the pre-notification later. */
    record PreNotificationDeferred(OpenItemKey item, String endToEndId, String reason) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "pre-notification of " + endToEndId + " deferred"; }
        @Override public String why() { return reason; }
    }

    /** Taken out before it went into a file; the item goes back to the dunning policy. */
    record Withdrawn(OpenItemKey item, String endToEndId, String reason) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "direct debit " + endToEndId + " withdrawn"; }
        @Override public String why() { return reason + "; the item goes back to the dunning policy"; }
    }

    /** Its submission day passed: planned again with a new date and a new pre-notification. */
    record SubmissionDayMissed(OpenItemKey item, String endToEndId, LocalDate collectionDate) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "direct debit " + endToEndId + " missed its submission day"; }
        @Override public String why() {
            return "collection date " + collectionDate + " is less than one TARGET business day away; it gets a new date "
                    + "and a new pre-notification";
        }
    }

    /** In the pain.008 file {@code fileName}. */
    record Submitted(OpenItemKey item, String endToEndId, String sequenceType, LocalDate collectionDate, String fileName)
            implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() {
            return "direct debit " + endToEndId + " submitted as " + sequenceType + " for " + collectionDate;
        }
        @Override public String why() { return "in " + fileName; }
    }

    /** Its date passed without a reject: the money is allocated to the item, leaving {@code openNow}. */
    record Settled(OpenItemKey item, Money amount, AllocationId allocation, String endToEndId, LocalDate collectionDate,
                   Money openNow) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return Texts.allocated(amount, allocation); }
        @Override public String why() {
            return "direct debit " + endToEndId + " settled on " + collectionDate + "; open now " + openNow;
        }
    }

    /** The item needed less than was collected; the rest waits on the receipt for a refund. */
    record CollectedMoreThanOpen(ReceiptId receipt, String reason) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.receipt(receipt); }
        @Override public String what() { return "collected more than was open"; }
        @Override public String why() { return reason; }
    }

    /**
     * Rejected or returned ({@code outcome}) with the reason code's meaning, what was done about it, and the file
     * it came in ({@code via}, e.g. "camt return in statement.xml").
     */
    record Returned(OpenItemKey item, String endToEndId, CollectionStatus outcome, String reasonCode, String explanation,
                    List<String> done, String via) implements DirectDebitEvent {
        public Returned {
            done = List.copyOf(done);
        }
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() {
            return "direct debit " + endToEndId + " " + outcome.name().toLowerCase(Locale.ROOT) + ": "
                    + (reasonCode == null ? "no reason code" : reasonCode);
        }
        @Override public String why() { return explanation + "; " + String.join("; ", done) + " (" + via + ")"; }
    }

    /** A statement returns a debit whose end-to-end id has Recoup's form but no collection has it. */
    record UnknownReturn(String origin, String reasonCode, String endToEndId, int entry, int line)
            implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.statement(origin); }
        @Override public String what() { return "return " + reasonCode + " for unknown collection " + endToEndId; }
        @Override public String why() {
            return "entry " + entry + " at line " + line + ": no collection has this end-to-end id";
        }
    }

    /**
     * Collected through a payment provider ({@code provider}, e.g. gocardless) instead of an own pain.008: the provider
     * made payment {@code paymentId} of {@code amount} against the customer's mandate there, to be charged on
     * {@code chargeDate}.
     */
    record ProviderPaymentCreated(OpenItemKey item, String provider, String paymentId, Money amount, LocalDate chargeDate,
                                  String mandateId) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() {
            return provider + " payment " + paymentId + " created: " + amount + " to be charged on " + chargeDate;
        }
        @Override public String why() { return "the customer has the active " + provider + " mandate " + mandateId; }
    }

    /** The provider refused for good to collect the item against {@code mandateId}; the item goes back to the policy. */
    record ProviderPaymentRefused(OpenItemKey item, String provider, String mandateId, String reason) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return provider + " refused to collect against mandate " + mandateId; }
        @Override public String why() { return reason + "; the item goes back to the dunning policy"; }
    }

    /** The provider confirmed the payment that collected the item (the receipt and its allocation are the matcher's). */
    record ProviderPaymentConfirmed(OpenItemKey item, String provider, String paymentId) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return provider + " payment " + paymentId + " confirmed"; }
        @Override public String why() { return "its collection is paid"; }
    }

    /** The provider's payment for the item failed or was charged back; the item goes back to the policy. */
    record ProviderPaymentFailed(OpenItemKey item, String provider, String paymentId, String reason) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return provider + " payment " + paymentId + " failed"; }
        @Override public String why() { return reason + "; the item goes back to the dunning policy"; }
    }

    /** No collection for 36 months since {@code since}. */
    record MandateLapsed(long mandateId, LocalDate since) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.mandate(mandateId); }
        @Override public String what() { return "lapsed"; }
        @Override public String why() { return "no collection for 36 months since " + since; }
    }

    /** The debtor's bank refused the mandate for good, on the collection {@code endToEndId}. */
    record MandateStopped(long mandateId, String was, String reason, String endToEndId) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.mandate(mandateId); }
        @Override public String what() { return "stopped (" + was + " -> FAILED)"; }
        @Override public String why() { return reason + " on " + endToEndId; }
    }

    /** No pain.008 could be written on {@code day}; everything waits for the next run. */
    record FileNotWritten(LocalDate day, String problem) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.pain008File(day.toString()); }
        @Override public String what() { return "pain.008 not written"; }
        @Override public String why() { return problem; }
    }

    /** A pain.008 file ({@code file} describes it) stored in the outbox. */
    record FileStored(String fileName, String file, LocalDate submittedOn) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.pain008File(fileName); }
        @Override public String what() { return "stored " + file; }
        @Override public String why() { return "submitted on " + submittedOn; }
    }

    /** A stored file written to the outbox folder as {@code target}. */
    record FileWritten(String fileName, String target) implements DirectDebitEvent {
        @Override public Subject subject() { return Subject.pain008File(fileName); }
        @Override public String what() { return "written to the outbox"; }
        @Override public String why() { return target; }
    }
}
