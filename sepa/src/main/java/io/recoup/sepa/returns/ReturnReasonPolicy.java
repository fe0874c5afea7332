package io.recoup.sepa.returns;

import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.collection.CollectionDates;
import io.recoup.sepa.collection.PreNotification;
import io.recoup.sepa.mandate.Mandate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps an R-transaction's reason code to an action with one declared table (reason codes per EPC173-14 / ISO
 * ExternalStatusReason, DOMAIN.md §3.4). Two rules sit above the table: a refund (MD06) always reopens the item, and
 * any other failure of a collection that was already re-presented (end-to-end id attempt 2 or more) stops the
 * mandate, so a debtor is never debited a third time for the same item. A code not in the table needs a person.
 */
public final class ReturnReasonPolicy {

    /** One row: reason code, action, and what the code means (shown to the clerk). */
    public record Rule(String code, ReturnAction action, String meaning) {
    }

    public static final List<Rule> TABLE = List.of(
            new Rule("AM04", ReturnAction.RE_PRESENT_ONCE, "insufficient funds"),
            new Rule("MS03", ReturnAction.RE_PRESENT_ONCE, "reason not specified (agent generated)"),
            new Rule("AC01", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "account identifier incorrect"),
            new Rule("AC04", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "account closed"),
            new Rule("AC06", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "account blocked"),
            new Rule("MD01", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "no valid mandate"),
            new Rule("MD07", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "debtor deceased"),
            new Rule("MS02", ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, "refused by the debtor"),
            new Rule("MD06", ReturnAction.REOPEN_ITEM, "refund requested by the debtor (authorised collection)"));

    private static final Map<String, Rule> BY_CODE = TABLE.stream()
            .collect(Collectors.toUnmodifiableMap(Rule::code, Function.identity()));

    /** The action and the reason behind it, in words a clerk can read next to the item. */
    public record Decision(ReturnAction action, String reasonCode, String explanation) {
    }

    /** What to do about a re-presentation: the new end-to-end id, collection date and pre-notification. */
    public record RePresentation(EndToEndId endToEndId, LocalDate collectionDate, PreNotification preNotification) {
    }

    private ReturnReasonPolicy() {
    }

    public static Decision decide(RTransaction rTransaction) {
        return decide(rTransaction.reasonCode(), rTransaction.attempt().orElse(1) >= 2);
    }

    /** @param afterRePresentation the failed collection was itself a re-presentation */
    public static Decision decide(String reasonCode, boolean afterRePresentation) {
        Rule rule = reasonCode == null ? null : BY_CODE.get(reasonCode);
        if (rule != null && rule.action() == ReturnAction.REOPEN_ITEM) {
            return new Decision(rule.action(), reasonCode, reasonCode + ": " + rule.meaning());
        }
        if (afterRePresentation) {
            return new Decision(ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK, reasonCode, (reasonCode == null
                    ? "no reason code" : reasonCode + (rule == null ? "" : ": " + rule.meaning()))
                    + "; second failure after a re-presentation");
        }
        if (rule == null) {
            return new Decision(ReturnAction.NEEDS_PERSON, reasonCode, reasonCode == null
                    ? "the bank gave no reason code" : reasonCode + ": no rule for this code");
        }
        return new Decision(rule.action(), reasonCode, reasonCode + ": " + rule.meaning());
    }

    /**
     * The re-presentation of a collection that failed with a RE_PRESENT_ONCE code: the next attempt's end-to-end id,
     * the earliest date that respects both a new pre-notification sent {@code today} with the agreed period and the
     * D-1 rule for a file submitted {@code today}, and that pre-notification.
     */
    public static RePresentation rePresentation(RTransaction failed, Mandate mandate, SepaAmount amount, LocalDate today,
            int notificationDays) {
        Decision decision = decide(failed);
        EndToEndId id = failed.typedEndToEndId().filter(e -> e.collectionId().isPresent()).orElse(null);
        if (decision.action() != ReturnAction.RE_PRESENT_ONCE || id == null) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, "Collection " + failed.endToEndId()
                    + " is not to be re-presented: " + decision.explanation()
                    + (id == null ? " (not one of Recoup's end-to-end ids)" : ""));
        }
        LocalDate date = CollectionDates.earliestCollectionDate(today, today, notificationDays);
        return new RePresentation(id.nextAttempt(), date, PreNotification.of(mandate, date, amount, notificationDays));
    }
}
