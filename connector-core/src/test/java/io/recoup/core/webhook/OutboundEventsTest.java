package io.recoup.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.event.DispatchEvent;
import io.recoup.core.event.IngestEvent;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.event.PersonEvent;
import io.recoup.core.event.PlannerEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which records of the event log other tools hear about, and what they are told. */
class OutboundEventsTest {
    private static final OpenItemKey ITEM = new OpenItemKey("csv", "1004");

    @Test
    void anItemIsPaidOnlyWhenNothingIsLeftOpen() {
        assertThat(OutboundEvents.of(new MatcherEvent.Allocated(ITEM, Money.of("30.00", "EUR"), new AllocationId(4), "reference",
                Money.of("70.00", "EUR")))).isEmpty();
        OutboundEvent paid = OutboundEvents.of(new MatcherEvent.Allocated(ITEM, Money.of("70.00", "EUR"), new AllocationId(5),
                "reference", Money.of("0.00", "EUR"))).orElseThrow();
        assertThat(paid.type()).isEqualTo("item.paid");
        assertThat(paid.dataJson()).isEqualTo(
                "{\"source\":\"csv\",\"item\":\"1004\",\"amount\":\"70.00\",\"currency\":\"EUR\",\"allocation\":\"5\",\"by\":\"matcher\"}");
        assertThat(OutboundEvents.of(new PersonEvent.AllocatedByHand("ana", ITEM, Money.of("70.00", "EUR"), new ReceiptId(9), "called",
                Money.of("0.00", "EUR")))).get().extracting(OutboundEvent::type, e -> e.data().get("by")).containsExactly("item.paid", "ana");
    }

    @Test
    void aBrokenPromiseIsToldButAnOrdinaryPlannedNoticeIsNot() {
        assertThat(OutboundEvents.of(new PlannerEvent.NoticePlanned(new NoticeId(3), "promise-broken", "INV-1",
                "the promise to pay EUR 10.00 by 2026-03-01 was broken"))).get()
                .satisfies(e -> assertThat(e.type()).isEqualTo("promise.broken"))
                .satisfies(e -> assertThat(e.data()).containsEntry("notice", "3").containsEntry("items", "INV-1"));
        assertThat(OutboundEvents.of(new PlannerEvent.NoticePlanned(new NoticeId(3), "plan-broken", "INV-1", "missed")))
                .get().extracting(OutboundEvent::type).isEqualTo("payment_plan.broken");
        assertThat(OutboundEvents.of(new PlannerEvent.NoticePlanned(new NoticeId(3), "due-email", "INV-1", "due today"))).isEmpty();
    }

    @Test
    void moneyWaitingForAPersonRaisesAnException() {
        assertThat(OutboundEvents.of(new MatcherEvent.Unmatched(new ReceiptId(12), "no reference"))).get()
                .satisfies(e -> assertThat(e.type()).isEqualTo("exception.raised"))
                .satisfies(e -> assertThat(e.data()).isEqualTo(Map.of("kind", "unmatched", "receipt", "12", "reason", "no reference")));
    }

    @Test
    void parkedAndFailedNoticesAreToldButSentOnesAndIngestionAreNot() {
        assertThat(OutboundEvents.of(new DispatchEvent.Parked(new NoticeId(8), "template missing"))).get()
                .extracting(OutboundEvent::type).isEqualTo("notice.parked");
        assertThat(OutboundEvents.of(new DispatchEvent.Failed(new NoticeId(8), "550 no such user"))).get()
                .extracting(OutboundEvent::type).isEqualTo("notice.failed");
        assertThat(OutboundEvents.of(new DispatchEvent.Sent(new NoticeId(8), "<notice-8@recoup>"))).isEmpty();
        assertThat(OutboundEvents.of(new IngestEvent.ItemInserted(ITEM, "ledger.csv"))).isEmpty();
        assertThat(OutboundEvents.of(new IngestEvent.ItemClosed(ITEM, "paid in the ERP"))).get()
                .extracting(OutboundEvent::type).isEqualTo("item.closed");
    }

    @Test
    void writesQuotesBackslashesAndControlCharactersAsValidJson() {
        assertThat(new OutboundEvent("notice.failed", Map.of("reason", "said \"no\"\\\n\u0001")).dataJson())
                .isEqualTo("{\"reason\":\"said \\\"no\\\"\\\\\\n\\u0001\"}");
        assertThatThrownBy(() -> new OutboundEvent("item.sent", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item.sent");
    }
}
