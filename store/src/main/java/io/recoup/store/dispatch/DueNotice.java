package io.recoup.store.dispatch;

import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A planned notice claimed for dispatch, with its customer and the items (lines) it covers. */
public record DueNotice(NoticeId noticeId, Channel channel, String template, int attempts, long customerId, String customerName,
                        Optional<String> email, Optional<String> phone, Locale language, List<Line> lines) {
    public DueNotice {
        lines = List.copyOf(lines);
    }

    /**
     * One item on the notice with the step it fulfils, its state now and the late charges the planner computed
     * (interest plus fixed compensation), if the policy charges them. A line, not an item: the same item is on one
     * line per notice, each with its own action.
     */
    public record Line(ActionId actionId, String stepKey, long itemId, String number, LocalDate dueDate, Money open,
                       String creditorReference, ItemStatus status, Optional<Money> lateCharges) {}
}
