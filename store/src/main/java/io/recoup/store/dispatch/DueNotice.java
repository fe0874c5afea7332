package io.recoup.store.dispatch;

import io.recoup.core.dunning.Charges;
import io.recoup.core.dunning.Hold;
import io.recoup.core.dunning.PromiseToPay;
import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A notice claimed for dispatch, with its customer, the holds on the whole customer, and the items (lines) it still
 * covers. {@code possibleDuplicate} is set once an interrupted send of it was resent. {@code segment} is the policy
 * segment it was planned in, if any.
 */
public record DueNotice(ClaimedNotice claim, String template, int attempts, boolean possibleDuplicate, long customerId,
                        String customerName, Optional<String> email, Optional<String> phone, Locale language,
                        List<Hold> customerHolds, List<Line> lines, Set<Channel> optedOut, Optional<String> segment) {
    public DueNotice {
        Objects.requireNonNull(claim, "claim");
        customerHolds = List.copyOf(customerHolds);
        lines = List.copyOf(lines);
        optedOut = Set.copyOf(optedOut);
        Objects.requireNonNull(segment, "segment");
    }

    /** A notice planned outside a policy's segments. */
    public DueNotice(ClaimedNotice claim, String template, int attempts, boolean possibleDuplicate, long customerId,
                     String customerName, Optional<String> email, Optional<String> phone, Locale language,
                     List<Hold> customerHolds, List<Line> lines, Set<Channel> optedOut) {
        this(claim, template, attempts, possibleDuplicate, customerId, customerName, email, phone, language, customerHolds, lines,
                optedOut, Optional.empty());
    }

    /** A notice whose customer opted out of no channel. */
    public DueNotice(ClaimedNotice claim, String template, int attempts, boolean possibleDuplicate, long customerId,
                     String customerName, Optional<String> email, Optional<String> phone, Locale language,
                     List<Hold> customerHolds, List<Line> lines) {
        this(claim, template, attempts, possibleDuplicate, customerId, customerName, email, phone, language, customerHolds, lines,
                Set.of());
    }

    public NoticeId noticeId() {
        return claim.noticeId();
    }

    public Channel channel() {
        return claim.channel();
    }

    /**
     * One item on the notice with the step it fulfils, its state now, the late charges the planner computed (interest
     * and fixed compensation, itemised, with how they were computed) if the policy charges them, and what may pause
     * it now: its active holds and its latest promise to pay. A line, not an item: the same item is on one line per
     * notice, each with its own action.
     */
    public record Line(ActionId actionId, String stepKey, long itemId, String number, LocalDate dueDate, Money open,
                       String creditorReference, ItemStatus status, Optional<Charges> charges, List<Hold> holds,
                       Optional<PromiseToPay> promise) {
        public Line {
            Objects.requireNonNull(charges, "charges");
            holds = List.copyOf(holds);
        }

        /** The late charges in all (interest plus compensation), if the policy charges them. */
        public Optional<Money> lateCharges() {
            return charges.map(Charges::total);
        }
    }
}
