package io.recoup.routes.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.pdf.PdfLetterPrinter;
import io.recoup.core.dunning.Charges;
import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.LetterFormat;
import io.recoup.core.port.Attachment;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import io.recoup.store.MutableClock;
import io.recoup.store.dispatch.ClaimedNotice;
import io.recoup.store.dispatch.DueNotice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A step with {@code letter: pdf} sends its template as a PDF letter too, the late charges itemised per invoice. */
class PdfLettersTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** The letter's right page margin (letter.html: {@code @page { margin: 22mm 20mm ... }}), in PDF points. */
    private static final float RIGHT_MARGIN_POINTS = 20 / 25.4f * 72;

    private final MessageTemplates templates = new MessageTemplates(p -> Optional.ofNullable(resource("/recoup/templates/" + p)),
            Locale.ENGLISH);
    private final NoticeRenderer renderer = new NoticeRenderer(templates,
            new CreditorDetails("Recoup Test GmbH", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX")),
            new MutableClock(TODAY.atTime(9, 0).atZone(BERLIN).toInstant(), BERLIN),
            new PdfLetters(templates, new PdfLetterPrinter(), step -> step.startsWith("legal") ? Optional.of(LetterFormat.PDF) : Optional.empty()));

    @Test
    void theLegalLetterIsAttachedAsAPdfWithInterestAndCompensationItemisedPerInvoice() throws IOException {
        NoticeRenderer.Rendered r = render(notice("legal-letter", "legal",
                line("INV-2026-7", LocalDate.of(2026, 2, 20), "1000.00", "2.78"),
                line("INV-2026-9", LocalDate.of(2026, 1, 31), "250.00", "1.39")));
        assertThat(r.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("letter-notice-7.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
        Attachment letter = r.attachments().get(0);
        try (PDDocument pdf = Loader.loadPDF(letter.content())) {
            String text = new PDFTextStripper().getText(pdf).replace("\r\n", "\n");
            assertThat(text).contains("Final demand before legal action: INV-2026-7, INV-2026-9")
                    .contains("Nordwind Logistik <GmbH>")
                    .contains("INV-2026-7 EUR 1000.00 EUR 2.78 EUR 40.00 EUR 42.78")
                    .contains("INV-2026-9 EUR 250.00 EUR 1.39 EUR 40.00 EUR 41.39")
                    .contains("Total EUR 1250.00 EUR 84.17")
                    .contains("EUR 1334.17")
                    .contains("IBAN DE89 3704 0044 0532 0130 00");
            writePage(pdf, "letter-page1.png");
        }
    }

    /** Page 1 as a PNG in target/, for the closing note and for a person to look at. */
    private static void writePage(PDDocument pdf, String name) throws IOException {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
        assertThat(page.getWidth()).isLessThan(page.getHeight()); // A4 upright
        Path png = Path.of("target", name);
        ImageIO.write(page, "png", png.toFile());
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void everyColumnOfTheItemTableIsInsideThePageWithLongNumbersAndReferences() throws IOException {
        DueNotice.Line first = ownReference(line("INV-2026-000000000007", LocalDate.of(2026, 1, 20), "1000000.00", "2.78"));
        DueNotice.Line second = ownReference(line("ACME-CREDIT-NOTE-CORRECTION-2026-0009", LocalDate.of(2026, 1, 31), "250.00", "1.39"));
        DueNotice.Line third = ownReference(line("SAP4711000000000000123456789", LocalDate.of(2026, 2, 2), "99999.99", "0.50"));
        NoticeRenderer.Rendered r = render(notice("legal-letter", "legal", first, second, third));
        try (PDDocument pdf = Loader.loadPDF(r.attachments().get(0).content())) {
            float right = pdf.getPage(0).getMediaBox().getWidth() - RIGHT_MARGIN_POINTS;
            List<String> outside = new java.util.ArrayList<>();
            StringBuilder text = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<org.apache.pdfbox.text.TextPosition> glyphs) throws IOException {
                    for (org.apache.pdfbox.text.TextPosition g : glyphs) {
                        if (g.getXDirAdj() + g.getWidthDirAdj() > right + 0.5f) {
                            outside.add(string);
                            break;
                        }
                    }
                    super.writeString(string, glyphs);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(pdf.getNumberOfPages());
            text.append(stripper.getText(pdf));
            writePage(pdf, "letter-long-references-page1.png");
            assertThat(outside).as("text past the right margin").isEmpty();
            String flat = text.toString().replaceAll("\\s+", "");
            for (DueNotice.Line l : List.of(first, second, third)) {
                assertThat(flat).contains(CreditorReference.parse(l.creditorReference()).printFormat().replace(" ", ""))
                        .contains(l.number());
            }
        }
    }

    @Test
    void aStepThatDoesNotAskForALetterSendsNone() {
        NoticeRenderer.Rendered r = render(notice("reminder-overdue", "overdue",
                line("INV-2026-7", LocalDate.of(2026, 2, 20), "1000.00", "2.78")));
        assertThat(r.attachments()).isEmpty();
        assertThat(r.inline()).hasSize(1);
    }

    private NoticeRenderer.Rendered render(DueNotice notice) {
        return renderer.render(notice, notice.lines());
    }

    private static DueNotice notice(String template, String step, DueNotice.Line... lines) {
        List<DueNotice.Line> stepped = java.util.Arrays.stream(lines).map(l -> new DueNotice.Line(l.actionId(), step, l.itemId(),
                l.number(), l.dueDate(), l.open(), l.creditorReference(), l.status(), l.charges(), l.holds(), l.promise())).toList();
        return new DueNotice(new ClaimedNotice(new NoticeId(7), NoticeStatus.PLANNED, Channel.EMAIL, step, "INV"), template, 0,
                false, 1, "Nordwind Logistik <GmbH>", Optional.of("ap@nordwind.example"), Optional.empty(), Locale.ENGLISH, List.of(),
                stepped);
    }

    private static DueNotice.Line line(String number, LocalDate due, String amount, String interest) {
        Charges charges = new Charges(Money.of(interest, "EUR"), Money.of("40.00", "EUR"),
                "EUR " + amount + " x 10.15% x days overdue / 365, and the EUR 40.00 of Directive 2011/7/EU art. 6");
        return new DueNotice.Line(new ActionId(1), "step", number.hashCode(), number, due, Money.of(amount, "EUR"),
                CreditorReference.forInvoice("INV", "csv:" + number).value(), ItemStatus.OPEN, Optional.of(charges), List.of(),
                Optional.empty());
    }

    /** The line with the reference Recoup gives its invoice (from the number, or a digest of a long one), as in production. */
    private static DueNotice.Line ownReference(DueNotice.Line l) {
        return new DueNotice.Line(l.actionId(), l.stepKey(), l.itemId(), l.number(), l.dueDate(), l.open(),
                CreditorReference.forInvoice(l.number(), "csv:" + l.number()).value(), l.status(), l.charges(), l.holds(), l.promise());
    }

    private static String resource(String path) {
        try (InputStream in = PdfLettersTest.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
