package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.MimeParts;
import io.recoup.core.dunning.ManualOverride;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.store.plan.PauseRepository;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recoup put to work on a ledger whose invoices are months overdue, on a real database and SMTP server: the first
 * run reaches every customer (by e-mail where the step's channel is not set up, by a task where there is no address),
 * the onboarding rule's grace period survives between runs in the stored step key, and a person's send-now of an old
 * step says what is true on the day it goes out.
 */
class FirstRunIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate FIRST_RUN = LocalDate.of(2026, 12, 1);
    static final String LEDGER = "invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,due_date,currency,amount\n"
            + "1001,INV-2026-1001,C100,Nordwind Logistik GmbH,ap@nordwind.example,de,2026-02-03,2026-03-05,EUR,1190.00\n"
            + "1006,INV-2026-1006,C400,Verde Instalações Lda,,pt,2026-02-04,2026-03-06,EUR,640.00\n";

    @TempDir
    Path home;
    CycleFixture recoup;

    @BeforeEach
    void start() {
        recoup = new CycleFixture(home, FIRST_RUN, mail.getSmtp().getPort());
        recoup.drop("ledger/inbox", "ledger.csv", LEDGER);
    }

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void theFirstRunUnderTheStandardPolicyRemindsWithAGracePeriodAndEscalatesOnlyAfterIt() throws Exception {
        recoup.policyText = CycleFixture.resource("/recoup/policies/standard.yaml");
        DayReport first = recoup.runDay(FIRST_RUN);
        assertThat(first.plan().onboarded()).isEqualTo(2);
        assertThat(first.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INV-2026-1001", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("INV-2026-1006", "TASK_OPEN"));
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Letzte Zahlungserinnerung: INV-2026-1001, bitte zahlen Sie bis 15.12.2026");
            assertThat(text(m)).contains("innerhalb von 14 Tagen, spätestens bis zum 15.12.2026");
        });
        assertThat(recoup.jdbc.queryForList("select step_id from action order by item_id", String.class))
                .containsExactly("onboarding@2026-12-01+14", "onboarding@2026-12-01+14");

        assertThat(recoup.runDay(LocalDate.of(2026, 12, 15)).plan().planned()).isEmpty();
        DayReport afterGrace = recoup.runDay(LocalDate.of(2026, 12, 16));
        assertThat(afterGrace.plan().onboarded()).isZero();
        assertThat(afterGrace.dispatch().actions()).extracting(DispatchReport.Dispatched::stepId, DispatchReport.Dispatched::channel,
                DispatchReport.Dispatched::status).containsOnly(org.assertj.core.groups.Tuple.tuple("escalation", "agency", "TASK_OPEN")).hasSize(2);
    }

    @Test
    void theDefaultPoliciesLegalLetterIsNotTheFirstContactTheWhatsAppReminderGoesFirstByEmailAndTheLetterAfterTheGrace()
            throws Exception {
        recoup.letters = true;
        DayReport first = recoup.runDay(FIRST_RUN);
        assertThat(first.plan().onboarded()).isEqualTo(2);
        assertThat(first.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::stepId,
                DispatchReport.Dispatched::channel, DispatchReport.Dispatched::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("INV-2026-1001", "onboarding@2026-12-01+14", "email", "SENT"),
                org.assertj.core.groups.Tuple.tuple("INV-2026-1006", "onboarding@2026-12-01+14", "task", "TASK_OPEN"));
        assertThat(recoup.jdbc.queryForList("select reason from notice order by customer_id", String.class)).satisfiesExactly(
                r -> assertThat(r).contains("step 'escalation' (legal letter at due+30) would be the first contact; "
                        + "reminder 'overdue-whatsapp' first").endsWith("whatsapp: not configured; email instead"),
                r -> assertThat(r).endsWith("whatsapp: not configured; email: no address on file; no usable channel: a person takes over"));
        assertThat(mail.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Letzte Zahlungserinnerung: INV-2026-1001, bitte zahlen Sie bis 15.12.2026");
            // the reminder is no letter: it carries the QR code, no PDF
            assertThat(MimeParts.of(m).files()).noneMatch(LegalLetterTimelineIT::isPdf);
        });
        assertThat(recoup.jdbc.queryForObject("select count(*) from notice where status = 'SKIPPED'", Integer.class)).isZero();

        assertThat(recoup.runDay(LocalDate.of(2026, 12, 15)).plan().planned()).isEmpty();
        DayReport afterGrace = recoup.runDay(LocalDate.of(2026, 12, 16));
        assertThat(afterGrace.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers,
                DispatchReport.Dispatched::stepId, DispatchReport.Dispatched::channel, DispatchReport.Dispatched::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INV-2026-1001", "escalation", "email", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("INV-2026-1006", "escalation", "task", "TASK_OPEN"));
        MimeMessage letter = mail.getReceivedMessages()[1];
        assertThat(letter.getSubject()).isEqualTo("Letzte Mahnung vor gerichtlichen Schritten: INV-2026-1001");
        assertThat(LegalLetterTimelineIT.text(LegalLetterTimelineIT.pdfOf(letter))).contains("INV-2026-1001");
    }

    @Test
    void aSendNowOfTheDueDateStepMonthsLaterSaysOverdueNotDueToday() throws Exception {
        recoup.runDay(FIRST_RUN);
        long item = recoup.jdbc.queryForObject("select id from open_item where number = 'INV-2026-1001'", Long.class);
        LocalDate later = FIRST_RUN.plusDays(1);
        new PauseRepository(recoup.db).override(item, ManualOverride.Kind.SEND_NOW, "due-email", later, "finance@example");
        int before = mail.getReceivedMessages().length;
        DayReport sendNow = recoup.runDay(later);
        assertThat(sendNow.dispatch().actions()).singleElement().satisfies(a -> {
            assertThat(a.stepId()).isEqualTo("due-email");
            assertThat(a.status()).isEqualTo("SENT");
        });
        MimeMessage m = mail.getReceivedMessages()[before];
        assertThat(m.getSubject()).isEqualTo("Überfällig: INV-2026-1001");
        assertThat(text(m)).doesNotContain("heute").contains("INV-2026-1001   05.03.2026 (272 Tage überfällig)");
    }

    /** The message's text part, decoded (German text is sent quoted-printable). */
    private static String text(MimeMessage message) throws Exception {
        return io.recoup.adapters.email.MimeParts.of(message).text();
    }
}
