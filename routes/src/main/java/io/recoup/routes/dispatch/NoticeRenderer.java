package io.recoup.routes.dispatch;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.Attachment;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.epc.EpcQrImage;
import io.recoup.sepa.epc.EpcQrPayload;
import io.recoup.store.dispatch.DueNotice;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills a notice's template: the customer, each invoice on it with its due date, open amount and RF reference, the
 * total, and the company's bank details. Dates are written the way the template's language writes them.
 */
final class NoticeRenderer {
    /** How "statutory late-payment charges" reads next to an overdue invoice (Directive 2011/7/EU interest + fee). */
    private static final Map<String, String> LATE_CHARGES = Map.of(
            "en", "late-payment interest and compensation",
            "de", "Verzugszinsen und Pauschale",
            "fr", "intérêts de retard et indemnité forfaitaire",
            "es", "intereses de demora e indemnización",
            "pt", "juros de mora e indemnização");

    private final MessageTemplates templates;
    private final CreditorDetails creditor;

    NoticeRenderer(MessageTemplates templates, CreditorDetails creditor) {
        this.templates = templates;
        this.creditor = creditor;
    }

    /** A subject, a body and the files to send with it. */
    record Rendered(String subject, String body, List<Attachment> attachments) {}

    /** More QR codes than this on one message would bury the text; the references in the body still work. */
    static final int MAX_QR_CODES = 10;

    Rendered render(DueNotice notice, List<DueNotice.Line> lines) {
        Locale language = templates.languageFor(notice.template(), notice.language());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        DueNotice.Line lead = lines.get(0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer.name", notice.customerName());
        values.put("invoice.number", lead.number());
        values.put("invoice.numbers", lines.stream().map(DueNotice.Line::number).collect(Collectors.joining(", ")));
        values.put("invoice.due-date", lead.dueDate().format(dates));
        values.put("amount.open", lead.open().toString());
        values.put("amount.total", total(lines));
        values.put("count", String.valueOf(lines.size()));
        values.put("items", lines.stream().map(l -> "  " + l.number() + "   " + l.dueDate().format(dates) + "   " + l.open()
                + "   " + CreditorReference.parse(l.creditorReference()).printFormat()
                + l.lateCharges().map(c -> "   (+ " + c + " " + LATE_CHARGES.getOrDefault(language.getLanguage(), "late-payment charges") + ")")
                        .orElse("")).collect(Collectors.joining("\n")));
        values.put("payment.reference", CreditorReference.parse(lead.creditorReference()).printFormat());
        values.put("creditor.name", creditor.name());
        values.put("creditor.iban", creditor.iban().printFormat());
        values.put("creditor.bic", creditor.bic().value());
        MessageTemplates.RenderedMessage m = templates.render(notice.template(), language, values);
        return new Rendered(m.subject(), m.body(), notice.channel() == Channel.EMAIL ? qrCodes(lines) : List.of());
    }

    /**
     * One EPC QR code (EPC069-12) per euro invoice, carrying the amount and the invoice's RF reference in the structured
     * field, so a payer who scans it sends a payment that comes back on the statement ready to match.
     */
    private List<Attachment> qrCodes(List<DueNotice.Line> lines) {
        List<Attachment> codes = new ArrayList<>();
        for (DueNotice.Line line : lines) {
            if (codes.size() == MAX_QR_CODES || !line.open().currencyCode().equals("EUR")) {
                continue;
            }
            EpcQrPayload payload = EpcQrPayload.builder().beneficiaryName(creditor.name()).iban(creditor.iban()).bic(creditor.bic())
                    .amount(line.open().amount()).reference(CreditorReference.parse(line.creditorReference()))
                    .information(line.number()).build();
            codes.add(new Attachment("pay-" + line.number().replaceAll("[^A-Za-z0-9-]", "_") + ".png", "image/png",
                    EpcQrImage.of(payload).png()));
        }
        return codes;
    }

    /** The sum per currency: "EUR 1640.00" or "EUR 1490.00 + USD 150.00"; currencies are never added together. */
    private static String total(List<DueNotice.Line> lines) {
        Map<String, Money> sums = new LinkedHashMap<>();
        for (DueNotice.Line l : lines) {
            sums.merge(l.open().currencyCode(), l.open(), Money::plus);
        }
        return sums.values().stream().map(Money::toString).collect(Collectors.joining(" + "));
    }
}
