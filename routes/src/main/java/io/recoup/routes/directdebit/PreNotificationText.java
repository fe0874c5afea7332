package io.recoup.routes.directdebit;

import io.recoup.routes.CreditorDetails;
import io.recoup.sepa.collection.PreNotification;
import io.recoup.store.directdebit.StoredCollection;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The pre-notification e-mail (SDD Core rulebook PT-04.02): amount, due date, mandate reference and creditor
 * identifier, plus the invoice and the debtor's account with most digits masked. English, or German for customers
 * whose language is German. Written here rather than as a policy template because its content is fixed by the
 * rulebook, not a matter of tone.
 */
final class PreNotificationText {
    private PreNotificationText() {
    }

    record Rendered(String subject, String body) {}

    static Rendered render(StoredCollection collection, PreNotification notice, CreditorDetails creditor) {
        boolean german = collection.language().getLanguage().equals("de");
        Locale locale = german ? Locale.GERMAN : Locale.ENGLISH;
        String due = notice.dueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        String amount = notice.amount().toString();
        String account = masked(notice.debtorIban() == null ? null : notice.debtorIban().value());
        if (german) {
            return new Rendered("SEPA-Lastschrift am " + due + ": " + amount + " für " + collection.itemNumber(), """
                    Guten Tag %s,

                    wir ziehen am %s den Betrag von %s für die Rechnung %s per SEPA-Lastschrift von Ihrem Konto %s ein.

                    Betrag:                 %s
                    Fälligkeitstag:         %s
                    Mandatsreferenz:        %s
                    Gläubiger-ID:           %s
                    Zahlungsempfänger:      %s

                    Bitte sorgen Sie für ausreichende Deckung. Sie müssen nichts überweisen.
                    """.formatted(notice.debtorName(), due, amount, collection.itemNumber(), account, amount, due,
                    notice.mandateReference(), notice.creditorId(), creditor.name()));
        }
        return new Rendered("SEPA direct debit on " + due + ": " + amount + " for " + collection.itemNumber(), """
                Dear %s,

                on %s we will collect %s for invoice %s by SEPA direct debit from your account %s.

                Amount:                 %s
                Due date:               %s
                Mandate reference:      %s
                Creditor identifier:    %s
                Creditor:               %s

                Please make sure the account is funded on that day. There is nothing you need to pay by transfer.
                """.formatted(notice.debtorName(), due, amount, collection.itemNumber(), account, amount, due,
                notice.mandateReference(), notice.creditorId(), creditor.name()));
    }

    /** Country and check digits, then only the last four characters: enough to recognise the account. */
    static String masked(String iban) {
        if (iban == null || iban.length() < 8) {
            return "on file";
        }
        return iban.substring(0, 4) + " **** " + iban.substring(iban.length() - 4);
    }
}
