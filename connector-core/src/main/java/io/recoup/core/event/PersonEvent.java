package io.recoup.core.event;

import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.Locale;

/** What a person recorded through the API; the actor is who did it (the signed-in user's name). */
public sealed interface PersonEvent extends RecoupEvent {

    /** Nothing beyond what was recorded, unless the person gave a reason. */
    @Override
    default String why() {
        return null;
    }

    /** A mandate the customer signed, registered as {@code reference} (as given). */
    record MandateRegistered(String actor, long mandateId, String reference, LocalDate signedOn) implements PersonEvent {
        @Override public Subject subject() { return Subject.mandate(mandateId); }
        @Override public String what() { return "registered " + reference + " signed " + signedOn; }
    }

    /** Every hold on the item released; {@code released} says how many there were. */
    record HoldsReleased(String actor, OpenItemKey item, int released) implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "released " + released + " hold(s)"; }
    }

    /** The customer promised to pay {@code amount} by {@code promisedFor}. */
    record PromiseRecorded(String actor, OpenItemKey item, Money amount, LocalDate promisedFor) implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "promise to pay " + amount + " by " + promisedFor; }
    }

    /** A payment plan of {@code instalments} instalments for the item. */
    record PaymentPlanRecorded(String actor, OpenItemKey item, int instalments) implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "payment plan of " + instalments + " instalment(s)"; }
    }

    /** A policy step sent now or skipped for the item, by hand. */
    record OverrideRecorded(String actor, OpenItemKey item, ManualOverride.Kind kind, String step) implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return kind.name().toLowerCase(Locale.ROOT) + " " + step; }
    }

    /** A dispute or a dunning block on one item. */
    record ItemHeld(String actor, OpenItemKey item, Hold.Kind kind, String reason) implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return kind == Hold.Kind.DISPUTE ? "dispute opened" : "dunning block"; }
        @Override public String why() { return reason; }
    }

    /** The customer opted out of one channel. */
    record OptedOut(String actor, CustomerKey customer, Channel channel) implements PersonEvent {
        @Override public Subject subject() { return Subject.customer(customer); }
        @Override public String what() { return "opted out of " + channel.label(); }
    }

    /** A dunning block on all of a customer's items. */
    record CustomerBlocked(String actor, CustomerKey customer, String reason) implements PersonEvent {
        @Override public Subject subject() { return Subject.customer(customer); }
        @Override public String what() { return "dunning block"; }
        @Override public String why() { return reason; }
    }

    /** A person allocated money of a receipt from the exceptions queue to an item by hand, saying why, leaving {@code openNow}. */
    record AllocatedByHand(String actor, OpenItemKey item, Money amount, ReceiptId receipt, String reason, Money openNow)
            implements PersonEvent {
        @Override public Subject subject() { return Subject.item(item); }
        @Override public String what() { return "allocated " + amount + " of receipt " + receipt + " by hand"; }
        @Override public String why() { return reason; }
    }

    /** A person took a receipt out of the exceptions queue: not our money, or to be refunded to the payer. */
    record ReceiptResolved(String actor, ReceiptId receipt, String resolution, String reason) implements PersonEvent {
        @Override public Subject subject() { return Subject.receipt(receipt); }
        @Override public String what() { return resolution; }
        @Override public String why() { return reason; }
    }

    /** A person learnt which customer an IBAN pays for; the matcher uses it from the next payment on. */
    record PayerIbanLearnt(String actor, CustomerKey customer, String maskedIban) implements PersonEvent {
        @Override public Subject subject() { return Subject.customer(customer); }
        @Override public String what() { return "payer account " + maskedIban + " pays for this customer"; }
    }
}
