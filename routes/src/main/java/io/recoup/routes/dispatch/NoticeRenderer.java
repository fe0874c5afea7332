package io.recoup.routes.dispatch;

import io.recoup.core.dunning.OnboardingStep;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.Attachment;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.epc.EpcQrImage;
import io.recoup.sepa.epc.EpcQrPayload;
import io.recoup.store.dispatch.DueNotice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fills a notice's template: the customer, each invoice on it with its due date, how late it is, its open amount and
 * RF reference, the total, and the company's bank details. Every fact is the one of the day of sending, whatever step
 * planned the notice: the due dates are the invoices' own, the days overdue are counted today, and the bundled
 * reminder wording follows the most overdue invoice's real state. Dates are written the way the template's language
 * writes them. An invoice whose EPC QR code cannot be made goes out without one, with a note in the text and the
 * reason in {@link Rendered#notes()}.
 */
final class NoticeRenderer {
    /** More QR codes than this on one message would bury the text; the references in the body still work. */
    static final int MAX_QR_CODES = 10;

    private final MessageTemplates templates;
    private final CreditorDetails creditor;
    private final Clock clock;

    NoticeRenderer(MessageTemplates templates, CreditorDetails creditor, Clock clock) {
        this.templates = templates;
        this.creditor = creditor;
        this.clock = clock;
    }

    /**
     * A subject, a body, the files to send with it, and what the text had to leave out and why (for the notice's
     * outcome, never for the customer).
     */
    record Rendered(String subject, String body, List<Attachment> attachments, List<String> notes, Map<String, String> values) {
        Rendered {
            attachments = List.copyOf(attachments);
            notes = List.copyOf(notes);
            values = Map.copyOf(values);
        }

        /** {@code outcome} followed by the notes, as a notice's outcome records it. */
        String outcome(String outcome) {
            return notes.isEmpty() ? outcome : outcome + "; " + String.join("; ", notes);
        }
    }

    /** @param lines the invoices on the notice, the most overdue (earliest due date) first */
    Rendered render(DueNotice notice, List<DueNotice.Line> lines) {
        return render(notice, lines, OnlinePayment.Offer.NONE, false);
    }

    /**
     * As {@link #render(DueNotice, List)}, with the online payment link of {@code offer} after the bank details
     * ({@code ${payment.online}}, empty without a link) and its note, if any, among the notes.
     */
    Rendered render(DueNotice notice, List<DueNotice.Line> lines, OnlinePayment.Offer offer) {
        return render(notice, lines, offer, true);
    }

    /** {@code toChannel}: the message goes to its channel (an SMS, a call say their short text), not into a task. */
    private Rendered render(DueNotice notice, List<DueNotice.Line> lines, OnlinePayment.Offer offer, boolean toChannel) {
        LocalDate today = LocalDate.now(clock);
        DueNotice.Line lead = lines.get(0);
        String template = NoticeWording.shortFor(notice.channel()).filter(t -> toChannel)
                .orElse(NoticeWording.reminderFor(notice.template(), ChronoUnit.DAYS.between(lead.dueDate(), today)));
        Locale language = templates.languageFor(template, notice.language());
        NoticeWording wording = new NoticeWording(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer.name", notice.customerName());
        values.put("invoice.number", lead.number());
        values.put("invoice.numbers", lines.stream().map(DueNotice.Line::number).collect(Collectors.joining(", ")));
        values.put("invoice.due-date", lead.dueDate().format(dates));
        values.put("amount.open", lead.open().toString());
        values.put("amount.total", total(lines));
        values.put("count", String.valueOf(lines.size()));
        values.put("items", lines.stream().map(l -> item(l, today, dates, wording)).collect(Collectors.joining("\n")));
        values.put("payment.reference", CreditorReference.parse(lead.creditorReference()).printFormat());
        values.put("creditor.name", creditor.name());
        values.put("creditor.iban", creditor.iban().printFormat());
        values.put("creditor.bic", creditor.bic().value());
        grace(lines).ifPresent(g -> {
            values.put("grace.until", g.payBy().format(dates));
            values.put("grace.days", String.valueOf(Math.max(0, ChronoUnit.DAYS.between(today, g.payBy()))));
        });
        values.put("payment.online", offer.link().map(l -> "\n\n" + wording.payOnline(l.url().toString(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language)
                        .format(l.expiresAt().atZone(clock.getZone())))).orElse(""));
        values.put("payment.link", offer.link().map(l -> l.url().toString()).orElse(""));
        values.put("language", language.toLanguageTag());
        MessageTemplates.RenderedMessage m = templates.render(template, language, values);
        List<String> notes = new ArrayList<>(offer.note().stream().toList());
        List<Attachment> codes = new ArrayList<>();
        StringBuilder body = new StringBuilder(m.body());
        if (notice.channel() == Channel.EMAIL) {
            for (DueNotice.Line missing : qrCodes(lines, codes, notes)) {
                body.append(body.toString().endsWith("\n") ? "" : "\n").append('\n').append(wording.noQrCode(shortNumber(missing.number())));
            }
        }
        return new Rendered(oneLine(m.subject()), body.toString(), codes, notes, values);
    }

    /** "  INV-7   Feb 20, 2026 (10 days overdue)   EUR 1000.00   RF20 INV2 0267   (+ EUR 42.78 late-payment ...)". */
    private static String item(DueNotice.Line l, LocalDate today, DateTimeFormatter dates, NoticeWording wording) {
        long overdue = ChronoUnit.DAYS.between(l.dueDate(), today);
        return "  " + l.number() + "   " + l.dueDate().format(dates) + (overdue > 0 ? " (" + wording.daysOverdue(overdue) + ")" : "")
                + "   " + l.open() + "   " + CreditorReference.parse(l.creditorReference()).printFormat()
                + l.lateCharges().map(c -> "   (+ " + c + " " + wording.lateCharges() + ")").orElse("");
    }

    /** The grace period an onboarding reminder on the notice states (the onboarding rule's first contact). */
    private static Optional<OnboardingStep> grace(List<DueNotice.Line> lines) {
        return lines.stream().map(l -> OnboardingStep.parse(l.stepKey())).flatMap(Optional::stream).findFirst();
    }

    /**
     * One EPC QR code (EPC069-12) per euro invoice, carrying the amount and the invoice's RF reference in the structured
     * field, so a payer who scans it sends a payment that comes back on the statement ready to match. An invoice whose
     * payload breaks a rule (an amount above the EPC limit, a number too long or with a line break) gets none: it is
     * returned, and its reason added to {@code notes}, so the reminder still goes out.
     */
    private List<DueNotice.Line> qrCodes(List<DueNotice.Line> lines, List<Attachment> codes, List<String> notes) {
        List<DueNotice.Line> missing = new ArrayList<>();
        for (DueNotice.Line line : lines) {
            if (codes.size() == MAX_QR_CODES || !line.open().currencyCode().equals("EUR")) {
                continue;
            }
            try {
                EpcQrPayload payload = EpcQrPayload.builder().beneficiaryName(creditor.name()).iban(creditor.iban()).bic(creditor.bic())
                        .amount(line.open().amount()).reference(CreditorReference.parse(line.creditorReference()))
                        .information(line.number()).build();
                codes.add(new Attachment("pay-" + fileName(line.number()) + ".png", "image/png", EpcQrImage.of(payload).png()));
            } catch (SepaException e) {
                missing.add(line);
                notes.add("no EPC QR code for invoice " + shortNumber(line.number()) + ": " + e.getMessage());
            }
        }
        return missing;
    }

    /** The sum per currency: "EUR 1640.00" or "EUR 1490.00 + USD 150.00"; currencies are never added together. */
    private static String total(List<DueNotice.Line> lines) {
        Map<String, Money> sums = new LinkedHashMap<>();
        for (DueNotice.Line l : lines) {
            sums.merge(l.open().currencyCode(), l.open(), Money::plus);
        }
        return sums.values().stream().map(Money::toString).collect(Collectors.joining(" + "));
    }

    /** A subject is one header line: a line break in an invoice number must not start another header. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ");
    }

    /** An invoice number as a note names it: on one line, and not thousands of characters long. */
    private static String shortNumber(String number) {
        String line = oneLine(number);
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private static String fileName(String number) {
        String safe = number.replaceAll("[^A-Za-z0-9-]", "_");
        return safe.length() <= 60 ? safe : safe.substring(0, 60);
    }
}
