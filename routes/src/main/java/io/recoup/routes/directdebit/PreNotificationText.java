package io.recoup.routes.directdebit;

import io.recoup.core.message.MessageTemplates;
import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.collection.PreNotification;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pre-notification e-mail (SDD Core rulebook PT-04.02): amount, collection date, mandate reference and creditor
 * identifier, plus the invoice, the creditor's name and the debtor's account with most digits masked. Its words are
 * the {@code pre-notification} message template in the customer's language (bundled in en, de, fr, es and pt; the
 * fallback language otherwise); this class fills in the facts, the date written the way that language writes it.
 */
final class PreNotificationText {
    static final String TEMPLATE = "pre-notification";

    private final MessageTemplates templates;

    PreNotificationText(MessageTemplates templates) {
        this.templates = templates;
    }

    MessageTemplates.RenderedMessage render(Locale customerLanguage, String invoiceNumber, PreNotification notice,
                                            CreditorDetails creditor) {
        // the language alone: a customer's region does not change how the notice's language writes dates
        Locale language = Locale.forLanguageTag(templates.languageFor(TEMPLATE, customerLanguage).getLanguage());
        String date = notice.dueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("debtor.name", notice.debtorName());
        values.put("debtor.account", masked(notice.debtorIban() == null ? null : notice.debtorIban().value()));
        values.put("collection.date", date);
        values.put("collection.amount", notice.amount().toString());
        values.put("invoice.number", invoiceNumber);
        values.put("mandate.reference", notice.mandateReference().toString());
        values.put("creditor.identifier", notice.creditorId().toString());
        values.put("creditor.name", creditor.name());
        return templates.render(TEMPLATE, language, values);
    }

    /** Country and check digits, then only the last four characters: enough to recognise the account. */
    static String masked(String iban) {
        if (iban == null || iban.length() < 8) {
            return "on file";
        }
        return iban.substring(0, 4) + " **** " + iban.substring(iban.length() - 4);
    }
}
