package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.dunning.Hold;
import io.recoup.core.money.Money;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.dispatch.ReminderDispatch;
import io.recoup.store.plan.PauseRepository;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A notice dispatch cannot carry out never blocks the others: it is parked for a person with its reason, once; an
 * item disputed, blocked or promised after planning comes off its notice; a customer the notice's channel cannot
 * reach becomes a task; a passing failure is tried again a bounded number of times.
 */
class PoisonNoticeIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String HEADER = "invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,due_date,currency,amount,open_amount\n";
    /** Three customers with one invoice each, due on DAY: one due-email notice each. */
    static final String THREE_CUSTOMERS = HEADER
            + "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n"
            + "2,INV-2,C2,Beta GmbH,ap@beta.example,en,2026-02-01,2026-03-02,EUR,200.00,\n"
            + "3,INV-3,C3,Gamma SA,ap@gamma.example,en,2026-02-01,2026-03-02,EUR,300.00,\n";

    @TempDir
    Path home;
    CycleFixture recoup;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void stop() {
        recoup.close();
        dispatchLogger().detachAppender(log);
    }

    @Test
    void parksTheNoticeItsChannelFailsOnAndSendsTheOthersInTheSameRunWithOneStackTrace() throws Exception {
        start(smtp -> failingFor("ap@beta.example", smtp));
        log.start();
        dispatchLogger().addAppender(log);
        recoup.drop("ledger/inbox", "ledger.csv", THREE_CUSTOMERS);

        DayReport day = recoup.runDay(DAY);

        assertThat(day.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status)
                .containsExactly(tuple("INV-1", "SENT"), tuple("INV-2", "PARKED"), tuple("INV-3", "SENT"));
        assertThat(day.dispatch().actions().get(1).outcome()).isEqualTo("the email channel failed while sending it, so it may or "
                + "may not have gone out: IllegalStateException: provider refused to talk about this recipient");
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(PoisonNoticeIT::recipient))
                .containsExactlyInAnyOrder("ap@acme.example", "ap@gamma.example");
        assertThat(recoup.jdbc.queryForList("select a.status from action a join open_item i on i.id = a.item_id where i.number = 'INV-2'",
                String.class)).containsExactly("PARKED");

        DayReport next = recoup.runDay(DAY.plusDays(1));
        assertThat(next.plan().planned()).isEmpty();
        assertThat(next.dispatch().actions()).isEmpty();
        assertThat(recoup.jdbc.queryForList("select status from notice order by id", String.class))
                .containsExactly("SENT", "PARKED", "SENT");
        assertThat(log.list).filteredOn(e -> e.getThrowableProxy() != null).singleElement()
                .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        assertThat(recoup.jdbc.queryForList("select what from event_log where actor = 'dispatch' and entity = 'notice' and entity_id = "
                + "(select id::text from notice where status = 'PARKED') order by id", String.class)).containsExactly("sending", "parked");
    }

    @Test
    void parksANoticeThatCannotBeRenderedAndSendsTheRest() {
        start(UnaryOperator.identity());
        recoup.drop("ledger/inbox", "ledger.csv", THREE_CUSTOMERS);
        recoup.runDay(DAY.minusDays(5)); // ingest only
        recoup.jdbc.update("update open_item set creditor_reference = 'RF00 not a reference' where number = 'INV-1'");

        DayReport day = recoup.runDay(DAY);

        assertThat(day.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status)
                .containsExactly(tuple("INV-1", "PARKED"), tuple("INV-2", "SENT"), tuple("INV-3", "SENT"));
        assertThat(day.dispatch().actions().get(0).outcome()).startsWith("it could not be prepared for sending: ");
        assertThat(mail.getReceivedMessages()).hasSize(2);
        // parked before it was ever handed to the channel
        assertThat(recoup.jdbc.queryForList("select what from event_log where actor = 'dispatch' and entity = 'notice' and entity_id = "
                + "(select id::text from notice where status = 'PARKED') order by id", String.class)).containsExactly("parked");
        assertThat(recoup.runDay(DAY).dispatch().actions()).isEmpty();
    }

    @Test
    void takesItemsDisputedBlockedOrPromisedAfterPlanningOffTheirNoticesAndSendsTheRest() throws Exception {
        start(UnaryOperator.identity());
        recoup.drop("ledger/inbox", "ledger.csv", THREE_CUSTOMERS
                + "4,INV-4,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,40.00,\n");
        recoup.runDay(DAY.minusDays(5));
        recoup.clock.set(DAY);
        recoup.stages.planning().plan();
        PauseRepository pauses = new PauseRepository(recoup.db);
        pauses.hold(customer("C1"), Optional.of(item("INV-1")), Hold.Kind.DISPUTE, "goods damaged", DAY, Optional.empty(), "ana");
        pauses.promise(item("INV-2"), DAY.plusDays(7), Money.of("200.00", "EUR"), Money.of("200.00", "EUR"), "ana");
        pauses.hold(customer("C3"), Optional.empty(), Hold.Kind.BLOCK, "insolvency check", DAY, Optional.empty(), "ana");

        DispatchReport report = recoup.stages.dispatch().dispatch();

        assertThat(report.actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status,
                DispatchReport.Dispatched::outcome).containsExactly(
                tuple("INV-4", "SENT", "<notice-" + report.actions().get(0).noticeId() + "@recoup>"),
                tuple("INV-2", "CANCELLED", "nothing left to send: not sent: a promise to pay by 2026-03-09 is pending "
                        + "(recorded after the notice was planned)"),
                tuple("INV-3", "CANCELLED", "nothing left to send: not sent: paused by dunning block since 2026-03-02: "
                        + "insolvency check (recorded after the notice was planned)"));
        MimeMessage sent = mail.getReceivedMessages()[0];
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(sent)).contains("INV-4").doesNotContain("INV-1");
        assertThat(recoup.jdbc.queryForList("select i.number || ' ' || a.status || ' ' || a.outcome from action a "
                + "join open_item i on i.id = a.item_id where i.number = 'INV-1'", String.class))
                .containsExactly("INV-1 CANCELLED not sent: paused by dispute since 2026-03-02: goods damaged (recorded after the notice was planned)");
    }

    @Test
    void opensATaskForAPersonWhenTheNoticesChannelIsNotConfiguredOrTheCustomerHasNoAddress() {
        start(UnaryOperator.identity());
        recoup.drop("ledger/inbox", "ledger.csv", THREE_CUSTOMERS);
        recoup.runDay(DAY.minusDays(5));
        recoup.clock.set(DAY);
        recoup.stages.planning().plan();
        recoup.jdbc.update("update customer set email = null where external_id = 'C1'");
        recoup.jdbc.update("update notice set channel = 'SMS' where customer_id = ?", customer("C2"));

        DispatchReport report = recoup.stages.dispatch().dispatch();

        assertThat(report.actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status,
                DispatchReport.Dispatched::outcome).containsExactly(
                tuple("INV-1", "TASK_OPEN", "customer has no e-mail address; a person contacts the customer"),
                tuple("INV-2", "TASK_OPEN", "channel not configured: no sms account is set; a person contacts the customer"),
                tuple("INV-3", "SENT", "<notice-" + report.actions().get(2).noticeId() + "@recoup>"));
        assertThat(recoup.jdbc.queryForObject("select count(*) from notice where status = 'SKIPPED'", Integer.class)).isZero();
    }

    @Test
    void triesAPassingFailureAgainOnEachRunAndGivesUpAfterTheLastAttempt() {
        start(smtp -> answering(new DeliveryResult.Deferred("421 try again later")));
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n");
        recoup.runDay(DAY.minusDays(5));
        recoup.clock.set(DAY);
        recoup.stages.planning().plan();
        ReminderDispatch dispatch = recoup.stages.dispatch();

        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(dispatch.dispatch().actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("DEFERRED"));
            assertThat(recoup.jdbc.queryForMap("select n.status, n.attempts, a.status as line from notice n join action a on a.notice_id = n.id"))
                    .containsEntry("status", "PLANNED").containsEntry("attempts", attempt).containsEntry("line", "PLANNED");
        }
        assertThat(dispatch.dispatch().actions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("FAILED");
            assertThat(a.outcome()).isEqualTo("gave up after 5 attempts: 421 try again later");
        });
        assertThat(dispatch.dispatch().actions()).isEmpty();
    }

    private void start(UnaryOperator<ReminderChannel> channel) {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort(), channel);
    }

    private long customer(String externalId) {
        return recoup.jdbc.queryForObject("select id from customer where external_id = ?", Long.class, externalId);
    }

    private long item(String number) {
        return recoup.jdbc.queryForObject("select id from open_item where number = ?", Long.class, number);
    }

    private static Logger dispatchLogger() {
        return (Logger) LoggerFactory.getLogger(ReminderDispatch.class);
    }

    /** {@code smtp}, except that it throws for {@code address}, as a buggy adapter or provider SDK might. */
    static ReminderChannel failingFor(String address, ReminderChannel smtp) {
        return new TestChannel(message -> {
            if (message.recipientAddress().equals(address)) {
                throw new IllegalStateException("provider refused to talk about this recipient");
            }
            return smtp.deliver(message);
        }, true);
    }

    private static ReminderChannel answering(DeliveryResult result) {
        return new TestChannel(message -> result, true);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<(.*)>", "$1");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> messageIds(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
