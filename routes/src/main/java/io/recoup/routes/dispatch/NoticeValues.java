package io.recoup.routes.dispatch;

import io.recoup.core.dunning.Charges;
import io.recoup.core.dunning.OnboardingStep;
import io.recoup.core.message.TemplateVocabulary;
import io.recoup.core.money.Money;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.CreditorReference;
import io.recoup.store.dispatch.DueNotice;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values a notice's template is filled with, and the {@link #VOCABULARY} of every name they may carry, which the
 * policy's templates are checked against when it loads. Every fact is the one of the day of sending; dates are
 * written the way the template's language writes them.
 */
final class NoticeValues {
    /** What an invoice line carries: {@code overdue}, {@code charges}, {@code interest} and {@code compensation} may be empty. */
    static final Set<String> ITEM = Set.of("number", "due-date", "overdue", "open", "reference", "charges", "interest",
            "compensation", "basis");
    static final TemplateVocabulary VOCABULARY = new TemplateVocabulary(names(), Map.of(
            "items", ITEM,
            "payment.links", Set.of("provider", "url", "text", "button", "until"),
            "payment.qr", Set.of("cid", "invoice"),
            "payment.missing", Set.of("text")));

    private NoticeValues() {}

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(List.of("customer.name", "invoice.number", "invoice.numbers", "invoice.due-date",
                "amount.open", "amount.total", "amount.charges", "amount.due", "count", "payment.reference", "creditor.name",
                "creditor.iban", "creditor.bic", "grace.until", "grace.days", "today", "label.late-charges", "payment.link", "language"));
        names.addAll(NoticeWording.LABEL_NAMES);
        return names;
    }

    /** A QR code shown in the HTML by its content id, for one invoice. */
    record Qr(String contentId, String invoice) {}

    static Map<String, Object> of(DueNotice notice, List<DueNotice.Line> lines, LocalDate today, Locale language,
                                  CreditorDetails creditor, List<PaymentLink> links, List<Qr> codes, ZoneId zone) {
        NoticeWording wording = new NoticeWording(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
        DueNotice.Line lead = lines.get(0);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customer.name", notice.customerName());
        values.put("invoice.number", lead.number());
        values.put("invoice.numbers", lines.stream().map(DueNotice.Line::number).collect(Collectors.joining(", ")));
        values.put("invoice.due-date", lead.dueDate().format(dates));
        values.put("amount.open", lead.open().toString());
        values.put("amount.total", total(lines, DueNotice.Line::open));
        values.put("amount.charges", total(lines, l -> l.lateCharges().orElse(null)));
        values.put("amount.due", total(lines, l -> l.lateCharges().map(l.open()::plus).orElse(l.open())));
        values.put("count", String.valueOf(lines.size()));
        values.put("today", today.format(dates));
        values.put("items", lines.stream().map(l -> item(l, today, dates, wording)).toList());
        values.put("payment.reference", CreditorReference.parse(lead.creditorReference()).printFormat());
        values.put("creditor.name", creditor.name());
        values.put("creditor.iban", creditor.iban().printFormat());
        values.put("creditor.bic", creditor.bic().value());
        grace(lines).ifPresent(g -> {
            values.put("grace.until", g.payBy().format(dates));
            values.put("grace.days", String.valueOf(Math.max(0, ChronoUnit.DAYS.between(today, g.payBy()))));
        });
        DateTimeFormatter until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language);
        values.put("payment.links", links.stream().map(l -> Map.of("provider", l.provider(), "url", l.url().toString(),
                "until", until.format(l.expiresAt().atZone(zone)), "button", wording.labels().get("label.pay-online"),
                "text", wording.payOnline(l.provider(), l.url().toString(), until.format(l.expiresAt().atZone(zone))))).toList());
        values.put("payment.qr", codes.stream().map(c -> Map.of("cid", c.contentId(), "invoice", c.invoice())).toList());
        values.put("payment.missing", List.of());
        values.putAll(wording.labels());
        return values;
    }

    private static Map<String, String> item(DueNotice.Line l, LocalDate today, DateTimeFormatter dates, NoticeWording wording) {
        long overdue = ChronoUnit.DAYS.between(l.dueDate(), today);
        Map<String, String> item = new LinkedHashMap<>();
        item.put("number", l.number());
        item.put("due-date", l.dueDate().format(dates));
        item.put("overdue", overdue > 0 ? wording.daysOverdue(overdue) : "");
        item.put("open", l.open().toString());
        item.put("reference", CreditorReference.parse(l.creditorReference()).printFormat());
        item.put("charges", l.lateCharges().map(Money::toString).orElse(""));
        item.put("interest", l.charges().map(c -> c.interest().toString()).orElse(""));
        item.put("compensation", l.charges().map(c -> c.fixedCompensation().toString()).orElse(""));
        item.put("basis", l.charges().map(Charges::basis).orElse(""));
        return item;
    }

    /** The grace period an onboarding reminder on the notice states (the onboarding rule's first contact). */
    private static Optional<OnboardingStep> grace(List<DueNotice.Line> lines) {
        return lines.stream().map(l -> OnboardingStep.parse(l.stepKey())).flatMap(Optional::stream).findFirst();
    }

    /** The sum per currency: "EUR 1640.00" or "EUR 1490.00 + USD 150.00"; currencies are never added together; "" for none. */
    private static String total(List<DueNotice.Line> lines, java.util.function.Function<DueNotice.Line, Money> amount) {
        Map<String, Money> sums = new LinkedHashMap<>();
        for (DueNotice.Line l : lines) {
            Money m = amount.apply(l);
            if (m != null) {
                sums.merge(m.currencyCode(), m, Money::plus);
            }
        }
        return sums.values().stream().map(Money::toString).collect(Collectors.joining(" + "));
    }
}
