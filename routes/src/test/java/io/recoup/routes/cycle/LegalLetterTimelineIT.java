package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.adapters.email.MimeParts;
import io.recoup.adapters.pdf.PdfLetterPrinter;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LetterPrinter;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default policy's legal letter, day by day on a real database and SMTP server: at due+30 the customer who has
 * been reminded gets the legal letter once, by e-mail (no letter channel is set up) with the letter as a PDF, the late
 * charges itemised; the customer without an e-mail address gets a task for a person saying why; a letter that cannot
 * be printed parks its notice for a person instead of sending the e-mail without it.
 */
class LegalLetterTimelineIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    static final String LEDGER = "invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,due_date,currency,amount\n"
            + "2001,INV-2026-2001,C100,Harbour & Finch Ltd,ap@harbour.example,en,2026-02-01,2026-03-02,EUR,1000.00\n"
            + "2002,INV-2026-2002,C200,Quay Traders Ltd,,en,2026-02-01,2026-03-02,EUR,500.00\n";

    @TempDir
    java.nio.file.Path home;
    CycleFixture recoup;

    @BeforeEach
    void start() {
        recoup = new CycleFixture(home, DUE.minusDays(3), mail.getSmtp().getPort());
        recoup.letters = true;
        recoup.drop("ledger/inbox", "ledger.csv", LEDGER);
    }

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void sendsTheLegalLetterOnceAtDay30AsAPdfOnAnEmailAndGivesAPersonTheCustomerWithoutAnAddress() throws Exception {
        List<String> timeline = new ArrayList<>();
        for (LocalDate day = DUE.minusDays(3); !day.isAfter(DUE.plusDays(33)); day = day.plusDays(1)) {
            LocalDate today = day;
            recoup.runDay(day).dispatch().actions().forEach(a -> timeline.add(today + " " + a.invoiceNumbers() + " " + a.stepId()
                    + " " + a.channel() + " " + a.status()));
        }
        assertThat(timeline).containsExactly(
                "2026-02-27 INV-2026-2001 pre-due-email email SENT",
                "2026-02-27 INV-2026-2002 pre-due-email task TASK_OPEN",
                "2026-03-02 INV-2026-2001 due-email email SENT",
                "2026-03-02 INV-2026-2002 due-email task TASK_OPEN",
                "2026-03-05 INV-2026-2001 overdue-call call TASK_OPEN",
                "2026-03-05 INV-2026-2002 overdue-call call TASK_OPEN",
                "2026-03-09 INV-2026-2001 overdue-whatsapp email SENT",
                "2026-03-09 INV-2026-2002 overdue-whatsapp task TASK_OPEN",
                "2026-04-01 INV-2026-2001 escalation email SENT",
                "2026-04-01 INV-2026-2002 escalation task TASK_OPEN");

        // once: the only legal letter among the e-mails, with the PDF attached
        List<MimeMessage> letters = Arrays.stream(mail.getReceivedMessages()).filter(LegalLetterTimelineIT::isLegalLetter).toList();
        assertThat(letters).singleElement().satisfies(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("Harbour & Finch Ltd <ap@harbour.example>");
            assertThat(m.getSubject()).isEqualTo("Final demand before legal action: INV-2026-2001");
            assertThat(MimeParts.of(m).html()).hasValueSatisfying(html -> assertThat(html).contains("INV-2026-2001"));
        });
        Part pdf = pdfOf(letters.get(0));
        long notice = recoup.jdbc.queryForObject("select id from notice where lead_step = 'escalation' and status = 'SENT'", Long.class);
        assertThat(pdf.getFileName()).isEqualTo("letter-notice-" + notice + ".pdf");
        // 30 days from 3 March at 10.15% (2.15% + 8 pp) on EUR 1000.00 = EUR 8.34, and the EUR 40 compensation
        assertThat(text(pdf)).contains("Final demand before legal action: INV-2026-2001")
                .contains("Harbour & Finch Ltd")
                .contains("INV-2026-2001 EUR 1000.00 EUR 8.34 EUR 40.00 EUR 48.34")
                .contains("Total EUR 1000.00 EUR 48.34")
                .contains("EUR 1048.34")
                .contains("30 day(s) at 10.15% (2.15% + 8 pp) from 2026-03-03; fixed compensation EUR 40.00");

        assertThat(recoup.jdbc.queryForObject("select reason from notice where lead_step = 'escalation' and channel = 'EMAIL'",
                String.class)).contains("step 'escalation' fires at due+30; 30 day(s) past due").endsWith("letter: not configured; email instead");
        assertThat(recoup.jdbc.queryForList("select template, reason from notice where lead_step = 'escalation' and channel = 'TASK'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("template")).isEqualTo("no-channel-task");
                    assertThat((String) row.get("reason")).endsWith("letter: not configured; email: no address on file; "
                            + "no usable channel: a person takes over");
                });
    }

    @Test
    void aLegalLetterWhosePdfCannotBeMadeIsParkedForAPersonAndNotSentWithoutIt() {
        for (LocalDate day = DUE.minusDays(3); day.isBefore(DUE.plusDays(30)); day = day.plusDays(1)) {
            recoup.runDay(day);
        }
        int sent = mail.getReceivedMessages().length;
        recoup.printer = new LetterPrinter() {
            @Override
            public String contentType() {
                return "application/pdf";
            }

            @Override
            public String extension() {
                return "pdf";
            }

            @Override
            public byte[] print(String xhtml) {
                throw new RecoupException(ErrorCode.LETTER_UNPRINTABLE, "the printer is out of paper");
            }
        };
        DayReport day30 = recoup.runDay(DUE.plusDays(30));
        assertThat(day30.dispatch().actions()).filteredOn(a -> a.invoiceNumbers().equals("INV-2026-2001")).singleElement()
                .satisfies(a -> {
                    assertThat(a.stepId()).isEqualTo("escalation");
                    assertThat(a.status()).isEqualTo("PARKED");
                    assertThat(a.outcome()).startsWith("it could not be prepared for sending: ").endsWith("the printer is out of paper");
                });
        assertThat(mail.getReceivedMessages()).hasSize(sent);

        // parked is for good: the next days neither send it nor plan it again
        recoup.printer = new PdfLetterPrinter();
        assertThat(recoup.runDay(DUE.plusDays(31)).dispatch().actions()).isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(sent);
        assertThat(recoup.jdbc.queryForObject("select status from notice where lead_step = 'escalation' and channel = 'EMAIL'",
                String.class)).isEqualTo("PARKED");
    }

    static boolean isLegalLetter(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Final demand before legal action");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's one PDF letter. */
    static Part pdfOf(MimeMessage message) throws MessagingException {
        List<Part> pdfs = MimeParts.of(message).files().stream().filter(LegalLetterTimelineIT::isPdf).toList();
        assertThat(pdfs).hasSize(1);
        return pdfs.get(0);
    }

    static boolean isPdf(Part part) {
        try {
            return part.isMimeType("application/pdf");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF's text as PDFBox reads it back, line breaks as {@code \n}. */
    static String text(Part pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(MimeParts.bytes(pdf))) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }
}
