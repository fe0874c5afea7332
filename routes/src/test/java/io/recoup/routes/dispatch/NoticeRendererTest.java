package io.recoup.routes.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.recoup.core.id.ActionId;
import io.recoup.core.id.NoticeId;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import io.recoup.sepa.epc.EpcQrPayload;
import io.recoup.store.MutableClock;
import io.recoup.store.dispatch.ClaimedNotice;
import io.recoup.store.dispatch.DueNotice;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What a notice says is what is true on the day it is sent, whatever step planned it; and a notice whose QR code
 * cannot be made still goes out. Rendered with the bundled templates on 2026-12-01.
 */
class NoticeRendererTest {
    static final LocalDate SENT_ON = LocalDate.of(2026, 12, 1);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final NoticeRenderer renderer = new NoticeRenderer(
            new MessageTemplates(p -> Optional.ofNullable(resource("/recoup/templates/" + p)), Locale.ENGLISH),
            new CreditorDetails("Recoup Test GmbH", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX")),
            new MutableClock(SENT_ON.atTime(9, 0).atZone(BERLIN).toInstant(), BERLIN));

    private static DueNotice notice(String template, Locale language, DueNotice.Line... lines) {
        return new DueNotice(new ClaimedNotice(new NoticeId(7), NoticeStatus.PLANNED, Channel.EMAIL, "step", "INV"), template, 0,
                false, 1, "Nordwind Logistik GmbH", Optional.of("ap@nordwind.example"), Optional.empty(), language, List.of(),
                List.of(lines));
    }

    private static DueNotice.Line line(String step, String number, LocalDate due, String amount) {
        return new DueNotice.Line(new ActionId(1), step, 1, number, due, Money.of(amount, "EUR"),
                CreditorReference.forInvoice("INV", "csv:" + number.hashCode()).value(), ItemStatus.OPEN, Optional.empty(), List.of(),
                Optional.empty());
    }

    private NoticeRenderer.Rendered render(DueNotice notice) {
        return renderer.render(notice, notice.lines());
    }

    @Test
    void aSendNowOfTheDueDateStepMonthsLaterSaysOverdueWithTheRealDueDate() {
        NoticeRenderer.Rendered r = render(notice("reminder-due", Locale.GERMAN, line("due-email", "INV-2026-1001", LocalDate.of(2026, 3, 5), "1190.00")));
        assertThat(r.subject()).isEqualTo("Überfällig: INV-2026-1001");
        assertThat(r.body()).doesNotContain("heute").contains("INV-2026-1001   05.03.2026 (271 Tage überfällig)   EUR 1190.00");
    }

    @Test
    void choosesTheReminderByTheInvoicesStateOnTheDayOfSending() {
        assertThat(render(notice("reminder-overdue", Locale.ENGLISH, line("overdue", "INV-1", SENT_ON, "10.00"))).subject())
                .isEqualTo("Payment due today: INV-1");
        assertThat(render(notice("reminder-due", Locale.ENGLISH, line("due-email", "INV-1", SENT_ON.plusDays(2), "10.00"))).subject())
                .isEqualTo("Payment reminder: INV-1 due on Dec 3, 2026");
        NoticeRenderer.Rendered oneDay = render(notice("reminder-pre-due", Locale.FRENCH, line("pre-due-email", "INV-1", SENT_ON.minusDays(1), "10.00")));
        assertThat(oneDay.subject()).isEqualTo("Impayé : INV-1");
        assertThat(oneDay.body()).contains("INV-1   30 nov. 2026 (en retard de 1 jour)");
        // a template the policy names itself is the policy's wording and stays
        assertThat(render(notice("legal-letter", Locale.ENGLISH, line("escalation", "INV-1", SENT_ON, "10.00"))).subject())
                .startsWith("Final demand before legal action");
    }

    @Test
    void theOnboardingReminderStatesTheGracePeriodCountedFromTheDayOfSending() {
        NoticeRenderer.Rendered r = render(notice("final-reminder", Locale.GERMAN,
                line("onboarding@2026-11-30+14", "INV-2026-1001", LocalDate.of(2026, 3, 5), "1190.00")));
        assertThat(r.subject()).isEqualTo("Letzte Zahlungserinnerung: INV-2026-1001, bitte zahlen Sie bis 14.12.2026");
        assertThat(r.body()).contains("innerhalb von 13 Tagen, spätestens bis zum 14.12.2026");
    }

    @Test
    void leavesTheQrCodeOutWithANoteWhenItsPayloadBreaksAnEpcRuleAndStillRenders() {
        String longNumber = "INV-" + "9".repeat(5000);
        NoticeRenderer.Rendered r = render(notice("reminder-overdue", Locale.ENGLISH,
                line("overdue", "INV-OK", LocalDate.of(2026, 11, 1), "10.00"),
                line("overdue", longNumber, LocalDate.of(2026, 11, 2), "20.00"),
                line("overdue", "INV-12\nBcc: x@evil.example", LocalDate.of(2026, 11, 3), "30.00"),
                line("overdue", "INV-HUGE", LocalDate.of(2026, 11, 4), "1000000000.00")));
        assertThat(r.inline()).extracting(i -> i.image().fileName()).containsExactly("pay-INV-OK.png");
        assertThat(r.html().orElseThrow()).contains("<img src=\"cid:qr-1@recoup\"")
                .contains("There is no QR code for invoice INV-HUGE; please pay it by bank transfer with the details above.");
        assertThat(r.notes()).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("no EPC QR code for invoice "));
        assertThat(r.notes().get(0)).contains("INV-99999").contains("EPC069-12").hasSizeLessThan(400);
        assertThat(r.notes().get(1)).startsWith("no EPC QR code for invoice INV-12 Bcc: x@evil.example: EPC069-12");
        assertThat(r.notes().get(2)).contains("INV-HUGE: EPC069-12: amount");
        assertThat(r.body()).contains("There is no QR code for invoice INV-HUGE; please pay it by bank transfer with the details above.");
        assertThat(r.subject()).doesNotContain("\n").contains("INV-12 Bcc: x@evil.example");
        assertThat(r.outcome("notice-7@recoup")).startsWith("notice-7@recoup; no EPC QR code for invoice INV-99");
    }

    /**
     * The e-mail shows each code at 180 pixels: it is drawn at 4 pixels per module with its 4-module quiet zone (not 8,
     * which a client only scales away), and still reads back as the invoice's exact EPC payload.
     */
    @Test
    void drawsTheQrCodeAtFourPixelsPerModuleAndItStillDecodesToTheExactPayload() throws Exception {
        NoticeRenderer.Rendered r = render(notice("reminder-overdue", Locale.GERMAN,
                line("overdue", "INV-2026-1001", LocalDate.of(2026, 11, 1), "1190.00")));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.inline().get(0).image().content()));
        Result decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(png))));
        int modules = png.getWidth() / 4 - 8;
        String payload = EpcQrPayload.builder().beneficiaryName("Recoup Test GmbH").iban(Iban.parse("DE89370400440532013000"))
                .bic(Bic.parse("COBADEFFXXX")).amount(new BigDecimal("1190.00"))
                .reference(CreditorReference.forInvoice("INV", "csv:" + "INV-2026-1001".hashCode())).information("INV-2026-1001")
                .build().payload();

        assertThat(decoded.getText()).isEqualTo(payload).contains("EUR1190");
        assertThat(png.getWidth()).isEqualTo(png.getHeight()).isLessThanOrEqualTo(308);
        assertThat(png.getWidth() % 4).isZero();
        assertThat((modules - 17) % 4).as("a QR symbol is 17 + 4 x version modules wide: %d", modules).isZero();
        assertThat(png.getRGB(4 * 4 - 1, 4 * 4 - 1) & 0xFFFFFF).as("the quiet zone's last pixel").isEqualTo(0xFFFFFF);
        assertThat(png.getRGB(4 * 4, 4 * 4) & 0xFFFFFF).as("the finder pattern's first pixel").isZero();
    }

    @Test
    void escapesACustomerNameLikeAScriptTagInTheHtmlAndKeepsItAsWrittenInTheText() {
        DueNotice.Line line = line("overdue", "INV-1", LocalDate.of(2026, 11, 1), "10.00");
        DueNotice notice = new DueNotice(new ClaimedNotice(new NoticeId(7), NoticeStatus.PLANNED, Channel.EMAIL, "step", "INV"),
                "reminder-overdue", 0, false, 1, "<script>alert('x')</script> & Co", Optional.of("ap@nordwind.example"),
                Optional.empty(), Locale.ENGLISH, List.of(), List.of(line));
        NoticeRenderer.Rendered r = render(notice);
        assertThat(r.body()).contains("Dear <script>alert('x')</script> & Co,");
        assertThat(r.html().orElseThrow()).doesNotContain("<script>")
                .contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co,")
                .contains("<td class=\"number\">INV-1</td>").contains("<html lang=\"en\">");
    }

    private static String resource(String path) {
        try (InputStream in = NoticeRendererTest.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
