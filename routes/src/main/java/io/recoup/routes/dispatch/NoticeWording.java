package io.recoup.routes.dispatch;

import io.recoup.core.policy.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few words the renderer adds to a template's text, in the template's language (English when a language has
 * none): the late charges next to an invoice, how many days it is overdue on the day of sending, and the note that
 * an invoice's QR code is missing. Also which bundled reminder fits an invoice's real state on the day of sending.
 */
final class NoticeWording {
    /** The bundled reminders, from the earliest to the latest state of an invoice; the renderer picks among them. */
    static final List<String> REMINDERS = List.of("reminder-pre-due", "reminder-due", "reminder-overdue");

    /** How "statutory late-payment charges" reads next to an overdue invoice (Directive 2011/7/EU interest + fee). */
    private static final Map<String, String> LATE_CHARGES = Map.of(
            "en", "late-payment interest and compensation",
            "de", "Verzugszinsen und Pauschale",
            "fr", "intérêts de retard et indemnité forfaitaire",
            "es", "intereses de demora e indemnización",
            "pt", "juros de mora e indemnização");
    /** "1 day overdue" and "%d days overdue". */
    private static final Map<String, List<String>> DAYS_OVERDUE = Map.of(
            "en", List.of("1 day overdue", "%d days overdue"),
            "de", List.of("1 Tag überfällig", "%d Tage überfällig"),
            "fr", List.of("en retard de 1 jour", "en retard de %d jours"),
            "es", List.of("1 día de retraso", "%d días de retraso"),
            "pt", List.of("1 dia em atraso", "%d dias em atraso"));
    private static final Map<String, String> NO_QR_CODE = Map.of(
            "en", "There is no QR code for invoice %s; please pay it by bank transfer with the details above.",
            "de", "Für die Rechnung %s gibt es keinen QR-Code; bitte überweisen Sie mit den oben genannten Angaben.",
            "fr", "Il n'y a pas de code QR pour la facture %s ; merci de la régler par virement avec les coordonnées ci-dessus.",
            "es", "No hay código QR para la factura %s; páguela por transferencia con los datos indicados arriba.",
            "pt", "Não há código QR para a fatura %s; pague-a por transferência com os dados indicados acima.");

    /** The online link after the bank details: "%s" the address, then until when it works. */
    private static final Map<String, String> PAY_ONLINE = Map.of(
            "en", "Or pay online by card: %s (this link works until %s).",
            "de", "Oder bezahlen Sie online mit Karte: %s (dieser Link gilt bis %s).",
            "fr", "Vous pouvez aussi payer en ligne par carte : %s (ce lien est valable jusqu'au %s).",
            "es", "También puede pagar en línea con tarjeta: %s (este enlace es válido hasta el %s).",
            "pt", "Também pode pagar online com cartão: %s (esta ligação é válida até %s).");

    /**
     * The short text a channel that cannot carry a whole letter sends instead of the step's template: an SMS, the
     * words a call says, the text a WhatsApp template stands for (written to the local outbox).
     */
    private static final Map<Channel, String> SHORT = Map.of(Channel.SMS, "sms-reminder", Channel.CALL, "call-message",
            Channel.WHATSAPP, "whatsapp-reminder");

    private final String language;

    NoticeWording(Locale language) {
        this.language = LATE_CHARGES.containsKey(language.getLanguage()) ? language.getLanguage() : "en";
    }

    /**
     * The bundled reminder that fits an invoice {@code daysOverdue} days past due (negative: not yet due), whatever
     * step planned it: a send-now of the due-date step months later must not say "due today". Any other template
     * (a policy's own, a letter, a task) is kept as planned.
     */
    static String reminderFor(String planned, long daysOverdue) {
        if (!REMINDERS.contains(planned)) {
            return planned;
        }
        return REMINDERS.get(daysOverdue < 0 ? 0 : daysOverdue == 0 ? 1 : 2);
    }

    String lateCharges() {
        return LATE_CHARGES.get(language);
    }

    String daysOverdue(long days) {
        List<String> forms = DAYS_OVERDUE.get(language);
        return days == 1 ? forms.get(0) : String.format(Locale.ROOT, forms.get(1), days);
    }

    String payOnline(String url, String until) {
        return String.format(Locale.ROOT, PAY_ONLINE.get(language), url, until);
    }

    String noQrCode(String invoiceNumber) {
        return String.format(Locale.ROOT, NO_QR_CODE.get(language), invoiceNumber);
    }

    /** The short template of {@code channel}, or empty when it sends the step's own template (e-mail, letter). */
    static Optional<String> shortFor(Channel channel) {
        return Optional.ofNullable(SHORT.get(channel));
    }
}
