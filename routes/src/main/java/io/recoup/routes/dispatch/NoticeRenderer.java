package io.recoup.routes.dispatch;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.Attachment;
import io.recoup.core.port.InlineImage;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.epc.EpcQrImage;
import io.recoup.sepa.epc.EpcQrPayload;
import io.recoup.store.dispatch.DueNotice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fills a notice's template ({@link NoticeValues}): the customer, each invoice on it with its due date, how late it
 * is, its open amount, RF reference and late charges, the total, the company's bank details and the online payment
 * links. The bundled reminder wording follows the most overdue invoice's real state on the day of sending. An e-mail
 * gets the plain text and the HTML version (the shared layout, the item table, the EPC QR codes as inline images) and,
 * when the step asks for it, the letter as a PDF. An invoice whose EPC QR code cannot be made goes out without one,
 * with a note in the text and the reason in {@link Rendered#notes()}.
 */
final class NoticeRenderer {
    /** More QR codes than this on one message would bury the text; the references in the body still work. */
    static final int MAX_QR_CODES = 10;
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}+");
    private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[^A-Za-z0-9-]");

    private final MessageTemplates templates;
    private final CreditorDetails creditor;
    private final Clock clock;
    private final Letters letters;

    NoticeRenderer(MessageTemplates templates, CreditorDetails creditor, Clock clock) {
        this(templates, creditor, clock, Letters.NONE);
    }

    NoticeRenderer(MessageTemplates templates, CreditorDetails creditor, Clock clock, Letters letters) {
        this.templates = templates;
        this.creditor = creditor;
        this.clock = clock;
        this.letters = letters;
    }

    /**
     * A subject, a body, its HTML version with the images it shows, the files to send with it, and what the text had
     * to leave out and why (for the notice's outcome, never for the customer), and the facts the text was filled with
     * (for channels that send a provider's template with parameters).
     */
    record Rendered(String subject, String body, Optional<String> html, List<InlineImage> inline, List<Attachment> attachments,
                    List<String> notes, Map<String, String> values) {
        Rendered {
            inline = List.copyOf(inline);
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

    /** As {@link #render(DueNotice, List)}, with the online payment link of {@code offer} and its note, if any. */
    Rendered render(DueNotice notice, List<DueNotice.Line> lines, OnlinePayment.Offer offer) {
        return render(notice, lines, offer, true);
    }

    /** {@code toChannel}: the message goes to its channel (an SMS, a call say their short text), not into a task. */
    private Rendered render(DueNotice notice, List<DueNotice.Line> lines, OnlinePayment.Offer offer, boolean toChannel) {
        LocalDate today = LocalDate.now(clock);
        String template = NoticeWording.shortFor(notice.channel()).filter(t -> toChannel)
                .orElse(NoticeWording.reminderFor(notice.template(), ChronoUnit.DAYS.between(lines.get(0).dueDate(), today)));
        Locale language = templates.languageFor(template, notice.language());
        NoticeWording wording = new NoticeWording(language);
        List<String> notes = new ArrayList<>(offer.notes());
        List<InlineImage> codes = new ArrayList<>();
        List<NoticeValues.Qr> shown = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        if (notice.channel() == Channel.EMAIL) {
            for (DueNotice.Line missing : qrCodes(lines, codes, shown, notes)) {
                missingTexts.add(wording.noQrCode(shortNumber(missing.number())));
            }
        }
        Map<String, Object> values = NoticeValues.of(notice, lines, today, language, creditor, offer.links(),
                shown, clock.getZone());
        values.put("payment.missing", missingTexts.stream().map(t -> Map.of("text", t)).toList());
        values.put("payment.link", offer.links().stream().findFirst().map(l -> l.url().toString()).orElse(""));
        values.put("language", language.toLanguageTag());
        MessageTemplates.RenderedMessage m = templates.render(template, language, values);
        StringBuilder body = new StringBuilder(m.body());
        for (String text : missingTexts) {
            body.append(body.toString().endsWith("\n") ? "" : "\n").append('\n').append(text);
        }
        Optional<String> html = notice.channel() == Channel.EMAIL ? templates.renderHtml(template, language, values) : Optional.empty();
        List<Attachment> files = new ArrayList<>();
        if (html.isEmpty()) {
            codes.forEach(c -> files.add(c.image()));
            codes.clear();
        }
        if (notice.channel() == Channel.EMAIL) {
            letters.letterFor(notice, lines, template, language, values).ifPresent(files::add);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                facts.put(name, text);
            }
        });
        return new Rendered(oneLine(m.subject()), body.toString(), html, codes, files, notes, facts);
    }

    /**
     * One EPC QR code (EPC069-12) per euro invoice, carrying the amount and the invoice's RF reference in the structured
     * field, so a payer who scans it sends a payment that comes back on the statement ready to match. An invoice whose
     * payload breaks a rule (an amount above the EPC limit, a number too long or with a line break) gets none: it is
     * returned, and its reason added to {@code notes}, so the reminder still goes out.
     */
    private List<DueNotice.Line> qrCodes(List<DueNotice.Line> lines, List<InlineImage> codes, List<NoticeValues.Qr> shown,
                                         List<String> notes) {
        List<DueNotice.Line> missing = new ArrayList<>();
        for (DueNotice.Line line : lines) {
            if (codes.size() == MAX_QR_CODES || !line.open().currencyCode().equals("EUR")) {
                continue;
            }
            try {
                EpcQrPayload payload = EpcQrPayload.builder().beneficiaryName(creditor.name()).iban(creditor.iban()).bic(creditor.bic())
                        .amount(line.open().amount()).reference(CreditorReference.parse(line.creditorReference()))
                        .information(line.number()).build();
                String cid = "qr-" + (codes.size() + 1) + "@recoup";
                codes.add(new InlineImage(cid, new Attachment("pay-" + fileName(line.number()) + ".png", "image/png",
                        EpcQrImage.forScreen(payload).png())));
                shown.add(new NoticeValues.Qr(cid, shortNumber(line.number())));
            } catch (SepaException e) {
                missing.add(line);
                notes.add("no EPC QR code for invoice " + shortNumber(line.number()) + ": " + e.getMessage());
            }
        }
        return missing;
    }

    /** A subject is one header line: a line break in an invoice number must not start another header. */
    private static String oneLine(String text) {
        return CONTROLS.matcher(text).replaceAll(" ");
    }

    /** An invoice number as a note names it: on one line, and not thousands of characters long. */
    private static String shortNumber(String number) {
        String line = oneLine(number);
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private static String fileName(String number) {
        String safe = NOT_IN_FILE_NAMES.matcher(number).replaceAll("_");
        return safe.length() <= 60 ? safe : safe.substring(0, 60);
    }
}
