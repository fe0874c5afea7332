package io.recoup.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.core.dunning.Hold;
import io.recoup.core.id.AllocationId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.id.ReceiptId;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts the event log has always shown, now rendered by the events themselves. */
class RecoupEventTest {
    private static final OpenItemKey ITEM = new OpenItemKey("csv", "I1");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void rendersWhoWhatAndWhyAsTheLogShowsThem() {
        List<RecoupEvent> events = List.of(
                new IngestEvent.ItemInserted(ITEM, "ledger.csv"),
                new MatcherEvent.Allocated(ITEM, Money.of("30", "EUR"), new AllocationId(4), "reference", Money.of("70", "EUR")),
                new DirectDebitEvent.Withdrawn(ITEM, "RCP-C1-1", "the invoice was paid before its collection date"),
                new DirectDebitEvent.Returned(ITEM, "RCP-C1-1", CollectionStatus.REJECTED, null, "no code given",
                        List.of("a person decides"), "pain.002 reject in p2.xml"),
                new PersonEvent.OptedOut("ana", new CustomerKey("csv", "C1"), Channel.EMAIL));

        assertThat(events).extracting(RecoupEvent::actor, e -> e.subject().entity(), e -> e.subject().id(),
                RecoupEvent::what, RecoupEvent::why).containsExactly(
                tuple("ingest", "open_item", "csv:I1", "inserted", "from ledger.csv"),
                tuple("matcher", "open_item", "csv:I1", "allocated EUR 30.00 (allocation 4)", "reference; open now EUR 70.00"),
                tuple("direct-debit", "open_item", "csv:I1", "direct debit RCP-C1-1 withdrawn",
                        "the invoice was paid before its collection date; the item goes back to the dunning policy"),
                tuple("direct-debit", "open_item", "csv:I1", "direct debit RCP-C1-1 rejected: no reason code",
                        "no code given; a person decides (pain.002 reject in p2.xml)"),
                tuple("ana", "customer", "csv:C1", "opted out of " + Channel.EMAIL.label(), null));
    }

    @Test
    void namesEachDispatchOutcomeByItsStatusAndKeepsTheChannelsAnswerAsWhy() {
        NoticeId notice = new NoticeId(9);

        assertThat(List.of(NoticeEvent.values())).extracting(event -> DispatchEvent.of(notice, event, "answer"))
                .extracting(RecoupEvent::what).containsExactly("sent", "task_open", "skipped", "failed", "cancelled", "deferred", "sending", "parked",
                        "undelivered");
        assertThat(DispatchEvent.of(notice, NoticeEvent.SEND, "<m1@mail>")).extracting(RecoupEvent::actor,
                e -> e.subject().id(), RecoupEvent::why).containsExactly("dispatch", "9", "<m1@mail>");
    }

    @Test
    void keysEveryKindOfRowOneWay() {
        assertThat(List.of(new DirectDebitEvent.CollectedMoreThanOpen(new ReceiptId(3), "refund"),
                new DirectDebitEvent.FileNotWritten(DAY, "XSD"), new PersonEvent.ItemHeld("ana", ITEM, Hold.Kind.DISPUTE, "damaged")))
                .extracting(RecoupEvent::subject).containsExactly(new Subject("receipt", "3"),
                        new Subject("pain008_file", "2026-03-02"), new Subject("open_item", "csv:I1"));
    }
}
