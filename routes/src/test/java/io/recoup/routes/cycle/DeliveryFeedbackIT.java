package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.ImapBounceInbox;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.DeliveryResult;
import io.recoup.core.port.DeliveryStatus;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.routes.dispatch.DeliveryFeedback;
import io.recoup.routes.dispatch.DeliveryFeedback.Outcome;
import io.recoup.routes.dispatch.DeliveryReportRoutes;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery feedback into the rule, as a timeline: the due-date step goes out by SMS first (the policy's channels are
 * its fallback order), the provider reports it undelivered, and the next cycle run of the same day sends it by e-mail;
 * with no channel left, the step becomes a task for a person with the reason. Every send and report is stored once.
 */
class DeliveryFeedbackIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    static final String HEADER = "invoice_id,invoice_number,customer_id,customer_name,email,phone,language,issue_date,due_date,currency,amount,open_amount\n";
    static final String WITH_EMAIL = HEADER + "1,INV-1,C1,Acme Ltd,ap@acme.example,+4915112345678,en,2026-02-01,2026-03-02,EUR,100.00,\n";
    static final String PHONE_ONLY = HEADER + "1,INV-1,C1,Acme Ltd,,+4915112345678,en,2026-02-01,2026-03-02,EUR,100.00,\n";

    @TempDir
    Path home;
    CycleFixture recoup;
    final Sms sms = new Sms();

    @AfterEach
    void stop() {
        recoup.close();
    }

    private DeliveryFeedback start(String ledger) {
        recoup = new CycleFixture(home, DUE.minusDays(3), mail.getSmtp().getPort(), UnaryOperator.identity(), Optional.empty(),
                List.of(sms));
        // the due-date step reaches the customer by SMS first, by e-mail when SMS does not work
        recoup.policyText = recoup.policyText.replace("id: due-email\n        offset-days: 0\n        channels: [email]",
                "id: due-email\n        offset-days: 0\n        channels: [sms, email]");
        recoup.drop("ledger/inbox", "ledger.csv", ledger);
        return new DeliveryFeedback(recoup.db);
    }

    @Test
    void anUndeliveredSmsTakesTheStepsNextChannelTheSameDay() throws Exception {
        DeliveryFeedback feedback = start(WITH_EMAIL);
        List<String> timeline = new ArrayList<>();
        for (LocalDate day = DUE.minusDays(3); !day.isAfter(DUE.plusDays(1)); day = day.plusDays(1)) {
            recoup.runDay(day);
            if (day.equals(DUE)) {
                assertThat(sms.sent).singleElement().satisfies(m -> {
                    assertThat(m.recipientAddress()).isEqualTo("+4915112345678");
                    assertThat(m.body()).startsWith("Recoup Test GmbH: invoice(s) INV-1, EUR 100.00 open. Please pay to IBAN "
                            + "DE89 3704 0044 0532 0130 00, reference RF").doesNotContain("${");
                });
                // the send was stored at the hand-over: Twilio's own "sent" says nothing new
                assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.SENT, "sent"))).isEqualTo(Outcome.DUPLICATE);
                // Twilio reports the SMS undelivered, and repeats its callback
                assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.FAILED, "undelivered (twilio error 30003)")))
                        .isEqualTo(Outcome.FALLBACK);
                assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.FAILED, "undelivered (twilio error 30003)")))
                        .isEqualTo(Outcome.DUPLICATE);
                recoup.runDay(day); // the cycle's next run, the same day
            }
            timeline.addAll(sentOn(day));
        }

        assertThat(timeline).containsExactly(
                "2026-02-27 pre-due-email email SENT",
                "2026-03-02 due-email sms FAILED the sms provider reported it failed: undelivered (twilio error 30003)",
                "2026-03-02 due-email email SENT");
        assertThat(mail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("Acme Ltd <ap@acme.example>", "Acme Ltd <ap@acme.example>");
        assertThat(recoup.jdbc.queryForObject("select reason from action where step_id = 'due-email' and channel = 'EMAIL'",
                String.class)).endsWith("sms: last message bounced on 2026-03-02; email instead");
        assertThat(recoup.jdbc.queryForList("select lower(channel) || ' ' || kind || ' ' || provider_message_id || ' ' || reason "
                + "from delivery_event where channel = 'SMS' order by id", String.class)).containsExactly(
                "sms SENT SM1 ", "sms FAILED SM1 undelivered (twilio error 30003)");
        assertThat(recoup.jdbc.queryForObject("select count(*) from delivery_event where channel = 'EMAIL' and kind = 'SENT'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void withNoChannelLeftAnUndeliveredStepGoesToAPersonWithTheReason() {
        DeliveryFeedback feedback = start(PHONE_ONLY);
        recoup.runDay(DUE);
        assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.FAILED, "undelivered (twilio error 30005)"))).isEqualTo(Outcome.FALLBACK);

        recoup.runDay(DUE);

        assertThat(sentOn(DUE)).containsExactly(
                "2026-03-02 due-email sms FAILED the sms provider reported it failed: undelivered (twilio error 30005)",
                "2026-03-02 due-email task TASK_OPEN No way to reach Acme Ltd about INV-1");
        assertThat(recoup.jdbc.queryForObject("select reason from notice where channel = 'TASK'", String.class))
                .endsWith("sms: last message bounced on 2026-03-02; email: no address on file; no usable channel: a person takes over");
    }

    @Test
    void aReportAboutAMessageThatIsNotOursOrOfANoticeAlreadySettledChangesNoNotice() {
        DeliveryFeedback feedback = start(WITH_EMAIL);
        recoup.runDay(DUE);

        assertThat(feedback.apply(report("SM-unknown", DeliveryStatus.Kind.FAILED, "undelivered"))).isEqualTo(Outcome.UNKNOWN_MESSAGE);
        assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.DELIVERED, "delivered"))).isEqualTo(Outcome.RECORDED);
        assertThat(feedback.apply(report("SM1", DeliveryStatus.Kind.READ, "read"))).isEqualTo(Outcome.RECORDED);

        assertThat(sentOn(DUE)).containsExactly("2026-03-02 due-email sms SENT");
        assertThat(recoup.jdbc.queryForObject("select count(*) from delivery_event where provider_message_id = 'SM-unknown'",
                Integer.class)).isZero();
    }

    @Test
    void aHardBounceReadFromTheMailboxTakesTheNextChannelTheSameDay() throws Exception {
        DeliveryFeedback feedback = start(WITH_EMAIL);
        recoup.policyText = recoup.policyText.replace("channels: [sms, email]", "channels: [email, sms]");
        recoup.runDay(DUE);
        long notice = recoup.jdbc.queryForObject("select id from notice where lead_step = 'due-email'", Long.class);
        GreenMailUser bounces = mail.setUser("bounces@recoup.example", "bounces", "secret");
        bounces.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream("""
                From: MAILER-DAEMON@mx.acme.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

                --B1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.acme.example

                Final-Recipient: rfc822; ap@acme.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 User unknown

                --B1
                Content-Type: text/rfc822-headers

                Message-ID: <notice-%d@recoup>

                --B1--
                """.formatted(notice).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII))));
        DeliveryReportRoutes reader = new DeliveryReportRoutes(new ImapBounceInbox(new ImapBounceInbox.ImapSettings("127.0.0.1",
                mail.getImap().getPort(), "bounces", "secret", "INBOX", false), recoup.clock), feedback);

        assertThat(reader.poll().reports()).isEqualTo(1);
        recoup.runDay(DUE);

        assertThat(sentOn(DUE)).containsExactly(
                "2026-03-02 due-email email FAILED the email provider reported it bounced: 5.1.1 smtp; 550 5.1.1 User unknown",
                "2026-03-02 due-email sms SENT");
        assertThat(sms.sent).hasSize(1);
    }

    private static DeliveryStatus report(String sid, DeliveryStatus.Kind kind, String reason) {
        return new DeliveryStatus(Channel.SMS, sid, kind, reason, Instant.parse("2026-03-02T09:05:00Z"));
    }

    /** "2026-03-02 due-email sms FAILED <outcome>" for every notice planned on {@code day}, in order. */
    private List<String> sentOn(LocalDate day) {
        return recoup.jdbc.queryForList("""
                select n.planned_on || ' ' || n.lead_step || ' ' || lower(n.channel) || ' ' || n.status
                    || case when n.status = 'FAILED' then ' ' || n.outcome when n.status = 'TASK_OPEN' then ' ' || n.outcome else '' end
                from notice n where n.planned_on = ? order by n.id""", String.class, day);
    }

    /** An SMS provider that takes every message and names them SM1, SM2, ... */
    static final class Sms implements ReminderChannel {
        final List<ReminderMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public DeliveryResult deliver(ReminderMessage message) {
            sent.add(message);
            return new DeliveryResult.Sent("SM" + sent.size());
        }

        @Override
        public boolean deduplicates() {
            return false;
        }
    }
}
