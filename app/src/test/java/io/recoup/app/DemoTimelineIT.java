package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.email.MimeParts;
import io.recoup.routes.cycle.DayReport;
import io.recoup.store.TemporaryFolders;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ten days of the bundled sample ledger through the real application: embedded PostgreSQL, the local SMTP sink,
 * the Camel routes. Asserts every message, task and posting by day, then that a second run over the same days
 * sends and posts nothing, and that a send interrupted by a crash is sent again as the same message and reported as
 * a possible duplicate.
 */
@SpringBootTest(properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false"})
class DemoTimelineIT {
    private static final Path HOME = TemporaryFolders.create("recoup-demo-it");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    DemoJob demo;
    @Autowired
    RecoupConfiguration.MailSink mail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsTheSampleLedgerDayByDayAndDoesEachThingOnTheRightDay() throws Exception {
        List<DayReport> days = demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 10, true), null);

        String installation = jdbc.queryForObject("select id from installation", String.class);
        Map<LocalDate, List<String>> timeline = new LinkedHashMap<>();
        for (DayReport day : days) {
            List<String> lines = new ArrayList<>();
            day.ingests().forEach(i -> lines.add("ingest " + i.inserted() + " new, " + i.rejections().size() + " rejected"));
            day.match().receipts().forEach(m -> lines.add("match " + m.amount() + " " + m.outcome() + " " + m.invoiceNumber()));
            day.posts().forEach(p -> lines.add("post " + p.documentNumbers().toString().replace(installation, "<id>")));
            day.dispatch().actions().forEach(a -> lines.add(a.invoiceNumbers() + " " + a.stepId() + " " + a.status()));
            if (!lines.isEmpty()) {
                timeline.put(day.day(), lines);
            }
        }
        assertThat(timeline).containsExactly(
                Map.entry(LocalDate.of(2026, 3, 2), List.of("ingest 8 new, 1 rejected",
                        "INV-2026-1001,INV-2026-1005 pre-due-email SENT", "INV-2026-1003,INV-2026-1002 overdue-whatsapp,due-email SENT",
                        "INV-2026-1004 overdue-call TASK_OPEN", "INV-2026-1008 pre-due-email SENT",
                        "INV-2026-1009 overdue-whatsapp SENT")),
                Map.entry(LocalDate.of(2026, 3, 3), List.of("INV-2026-1006 pre-due-email TASK_OPEN")),
                Map.entry(LocalDate.of(2026, 3, 4), List.of("match EUR 1190.00 MATCHED INV-2026-1001",
                        "match EUR 75.00 UNMATCHED null", "post [RCP-<id>-1]", "INV-2026-1008 due-email SENT")),
                Map.entry(LocalDate.of(2026, 3, 5), List.of("INV-2026-1005 due-email SENT", "INV-2026-1002 overdue-call TASK_OPEN")),
                Map.entry(LocalDate.of(2026, 3, 6), List.of("match EUR 200.00 MATCHED INV-2026-1004", "post [RCP-<id>-2]",
                        "INV-2026-1004 overdue-whatsapp SENT", "INV-2026-1006 due-email TASK_OPEN",
                        "INV-2026-1009 escalation SENT")),
                Map.entry(LocalDate.of(2026, 3, 7), List.of("INV-2026-1008 overdue-call TASK_OPEN")),
                Map.entry(LocalDate.of(2026, 3, 8), List.of("INV-2026-1005 overdue-call TASK_OPEN")),
                Map.entry(LocalDate.of(2026, 3, 9), List.of("INV-2026-1002 overdue-whatsapp SENT",
                        "INV-2026-1006 overdue-call SENT")),
                Map.entry(LocalDate.of(2026, 3, 11), List.of("INV-2026-1008 overdue-whatsapp SENT")));

        // GreenMail lists messages per mailbox; the notice id in the Message-ID gives the order they were sent in.
        // No WhatsApp account is set: the WhatsApp step reaches the customer by e-mail (INV-2026-1003 on the first day,
        // 10 days overdue, on one message with INV-2026-1002, due that day). INV-2026-1009, reminded on the first day at
        // 26 days overdue, reaches the legal letter at due+30 on 2026-03-06: by e-mail, as no letter channel is set up
        assertThat(Arrays.stream(sink().received()).sorted(java.util.Comparator.comparingInt(DemoTimelineIT::noticeId))
                .map(DemoTimelineIT::envelope).toList()).containsExactly(
                "ap@nordwind.example | Zahlungserinnerung: INV-2026-1001, INV-2026-1005 fällig am 05.03.2026",
                "accounts@atlanticfoods.example | Overdue: INV-2026-1003, INV-2026-1002",
                "compta@lumen.example | Rappel de paiement : INV-2026-1008 à échéance le 4 mars 2026",
                "ap@shannon.example | Overdue: INV-2026-1009",
                "compta@lumen.example | Échéance aujourd'hui : INV-2026-1008",
                "ap@nordwind.example | Heute fällig: INV-2026-1005",
                "compta@lumen.example | Impayé : INV-2026-1004",
                "ap@shannon.example | Final demand before legal action: INV-2026-1009",
                "accounts@atlanticfoods.example | Overdue: INV-2026-1002",
                "compta@lumen.example | Impayé : INV-2026-1008");
        assertThat(mailFiles()).hasSize(10);
        // the WhatsApp step reached by e-mail carries the formal reminder as a PDF letter (letter: pdf), the legal letter
        // its own; the others none
        assertThat(Arrays.stream(sink().received()).sorted(java.util.Comparator.comparingInt(DemoTimelineIT::noticeId))
                .filter(DemoTimelineIT::hasPdfLetter).map(DemoTimelineIT::envelope).toList()).containsExactly(
                "accounts@atlanticfoods.example | Overdue: INV-2026-1003, INV-2026-1002",
                "ap@shannon.example | Overdue: INV-2026-1009",
                "compta@lumen.example | Impayé : INV-2026-1004",
                "ap@shannon.example | Final demand before legal action: INV-2026-1009",
                "accounts@atlanticfoods.example | Overdue: INV-2026-1002",
                "compta@lumen.example | Impayé : INV-2026-1008");

        assertThat(jdbc.queryForObject("select count(*) from notice where status = 'SKIPPED'", Integer.class)).isZero();
        // the legal letter's PDF itemises the late charges: 30 days at 10.15% on EUR 2480.00, and the EUR 40 compensation
        MimeMessage legal = Arrays.stream(sink().received()).filter(m -> envelope(m).contains("Final demand")).findFirst().orElseThrow();
        assertThat(pdfText(legal)).contains("INV-2026-1009 EUR 2480.00 EUR 20.69 EUR 40.00 EUR 60.69")
                .contains("30 day(s) at 10.15% (2.15% + 8 pp) from 2026-02-05; fixed compensation EUR 40.00");
        // and the e-mail's total is the letter's: the open amount and the charges its row shows, in both versions
        MimeParts legalParts = MimeParts.of(legal);
        assertThat(legalParts.text()).contains("EUR 2480.00").contains("(+ EUR 60.69 late-payment interest and compensation)")
                .contains("Total: EUR 2540.69").doesNotContain("Total: EUR 2480.00");
        assertThat(legalParts.html()).hasValueSatisfying(html -> assertThat(html).contains("EUR 2540.69")
                .doesNotContain("Total: EUR 2480.00"));
        assertThat(jdbc.queryForObject("select reason from notice where lead_step = 'escalation'", String.class))
                .contains("step 'escalation' fires at due+30; 30 day(s) past due").endsWith("letter: not configured; email instead");
        assertThat(jdbc.queryForList("select reason from notice where lead_step = 'overdue-whatsapp' order by id", String.class))
                .hasSize(5).allSatisfy(r -> assertThat(r).endsWith("whatsapp: no address on file; email instead"));
        // no Twilio account is set: the call to the one customer with a phone number is written to the local outbox, in
        // Portuguese; the customers without one get a task for a person
        try (Stream<Path> calls = Files.list(HOME.resolve("outbox/call"))) {
            assertThat(calls.toList()).singleElement().satisfies(call -> assertThat(Files.readString(call))
                    .startsWith("# not sent: no call provider is configured (recoup.channels); the call that would say:\n"
                            + "To: Verde Instalações Lda <+351210000000>\n\nOlá Verde Instalações Lda, fala Recoup Demo GmbH."));
        }
        assertThat(jdbc.queryForList("select outcome from notice where lead_step = 'overdue-call' and status = 'TASK_OPEN'",
                String.class)).hasSize(4).allSatisfy(o -> assertThat(o).isEqualTo("customer has no phone number; a person contacts the customer"));
        // the customer without an e-mail address gets a task for a person at every message step
        assertThat(jdbc.queryForList("select template, reason from notice where channel = 'TASK' order by id"))
                .extracting(r -> r.get("template") + " | " + r.get("reason")).first().asString()
                .isEqualTo("no-channel-task | policy default v4, segment everyone: step 'pre-due-email' fires at due-3; due in 3 day(s); "
                        + "email: no address on file; no usable channel: a person takes over");
    }

    @Test
    void runningTheSameDaysAgainSendsNothingAndPostsNothingTwice() throws Exception {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 10, true), null);
        int mails = sink().received().length;
        List<Map<String, Object>> actions = jdbc.queryForList("select id, status, outcome, done_at from action order by id");
        List<Map<String, Object>> notices = jdbc.queryForList("select id, status, outcome, done_at from notice order by id");
        List<String> payments = paymentLines();

        List<DayReport> again = demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 10, false), null);

        assertThat(again).allSatisfy(day -> {
            assertThat(day.plan().planned()).isEmpty();
            assertThat(day.dispatch().actions()).isEmpty();
            assertThat(day.posts()).isEmpty();
            assertThat(day.match().receipts()).isEmpty();
        });
        assertThat(again.get(0).ingests()).singleElement().satisfies(i -> assertThat(i.unchanged()).isEqualTo(8));
        assertThat(sink().received()).hasSize(mails);
        assertThat(jdbc.queryForList("select id, status, outcome, done_at from action order by id")).isEqualTo(actions);
        assertThat(jdbc.queryForList("select id, status, outcome, done_at from notice order by id")).isEqualTo(notices);
        String installation = jdbc.queryForObject("select id from installation", String.class);
        assertThat(paymentLines()).isEqualTo(payments).containsExactly(
                "RCP-" + installation + "-1,1001,INV-2026-1001,1190.00,EUR,2026-03-04,DEMO-ASR-20260304-0001",
                "RCP-" + installation + "-2,1004,INV-2026-1004,200.00,EUR,2026-03-06,DEMO-ASR-20260306-0001");
        assertThat(jdbc.queryForObject("select count(*) from receipt", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from quarantine", Integer.class)).isEqualTo(1);
    }

    @Test
    void sendsAnInterruptedEmailAgainAsTheSameMessageAndPrintsItAsAPossibleDuplicate() throws Exception {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 3, true), null);
        // as if the process had died while the mail server took the last e-mail: sent, but its outcome never committed
        long notice = jdbc.queryForObject("select max(id) from notice where status = 'SENT'", Long.class);
        jdbc.update("update notice set status = 'SENDING', outcome = null, done_at = null where id = ?", notice);
        jdbc.update("update action set status = 'SENDING', outcome = null, done_at = null where notice_id = ?", notice);
        List<String> files = mailFiles();
        int received = sink().received().length;

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        demo.run(new DemoOptions(DemoOptions.SAMPLE_START.plusDays(3), 1, false), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("<notice-" + notice + "@recoup> (possible duplicate: sent again after an interrupted send)")
                .contains("  possible duplicate sends: 1 (notice " + notice + ": sent again as the same message after an interrupted send)");
        assertThat(sink().received()).hasSize(received + 2); // the repeat and that day's due-email
        // the repeat is kept beside the first copy, so the duplicate is there to see; and that day's due-email
        assertThat(mailFiles()).hasSize(files.size() + 2).containsAll(files).contains("notice-" + notice + "@recoup~2.eml");
        assertThat(jdbc.queryForObject("select status from notice where id = ?", String.class, notice)).isEqualTo("SENT");
    }

    @Test
    void printsNoPossibleDuplicateAfterAnUninterruptedRun() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        demo.run(new DemoOptions(DemoOptions.SAMPLE_START, 2, true), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("  possible duplicate sends: 0\n")
                .doesNotContain("possible duplicate:");
    }

    private LocalMailSink sink() {
        return mail.local().orElseThrow();
    }

    private List<String> mailFiles() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("mail"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> paymentLines() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("ledger/payments"))) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file).subList(1, Files.readAllLines(file).size()));
            }
            return lines;
        }
    }

    private static boolean hasPdfLetter(MimeMessage message) {
        try {
            for (jakarta.mail.Part file : io.recoup.adapters.email.MimeParts.of(message).files()) {
                if (file.isMimeType("application/pdf") && file.getFileName().startsWith("letter-notice-")) {
                    return true;
                }
            }
            return false;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the message's PDF letter, as PDFBox reads it back. */
    private static String pdfText(MimeMessage message) throws MessagingException, IOException {
        for (Part file : MimeParts.of(message).files()) {
            if (file.isMimeType("application/pdf")) {
                try (PDDocument pdf = Loader.loadPDF(MimeParts.bytes(file))) {
                    return new PDFTextStripper().getText(pdf).replace("\r\n", "\n");
                }
            }
        }
        throw new AssertionError("no PDF letter on " + envelope(message));
    }

    private static int noticeId(MimeMessage message) {
        try {
            return Integer.parseInt(message.getMessageID().replaceAll("<notice-(\\d+)@recoup>", "$1"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envelope(MimeMessage message) {
        try {
            Address to = message.getAllRecipients()[0];
            return to.toString().replaceAll(".*<(.*)>", "$1") + " | " + message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
