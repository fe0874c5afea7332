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

    /** The GoCardless link: sets up a SEPA direct debit, so this and later invoices are collected from the account. */
    private static final Map<String, String> SET_UP_DIRECT_DEBIT = Map.of(
            "en", "Or pay by SEPA direct debit from now on, set up in two minutes: %s (this link works until %s).",
            "de", "Oder zahlen Sie künftig bequem per SEPA-Lastschrift, in zwei Minuten eingerichtet: %s (dieser Link gilt bis %s).",
            "fr", "Vous pouvez aussi payer désormais par prélèvement SEPA, mis en place en deux minutes : %s (ce lien est valable jusqu'au %s).",
            "es", "También puede pagar a partir de ahora por adeudo directo SEPA, configurado en dos minutos: %s (este enlace es válido hasta el %s).",
            "pt", "Também pode passar a pagar por débito direto SEPA, configurado em dois minutos: %s (esta ligação é válida até %s).");

    /** The HTML message's headings: invoice, due date, open amount, reference, QR caption, online button; then the letter's. */
    private static final Map<String, List<String>> LABELS = Map.of(
            "en", List.of("Invoice", "Due date", "Open", "Reference", "Scan with your banking app to pay", "Pay online",
                    "Interest", "Compensation (EU 2011/7)", "Total"),
            "de", List.of("Rechnung", "Fällig am", "Offen", "Referenz", "Mit der Banking-App scannen und bezahlen", "Online bezahlen",
                    "Verzugszinsen", "Pauschale (EU 2011/7)", "Gesamt"),
            "fr", List.of("Facture", "Échéance", "Montant dû", "Référence", "Scannez avec votre application bancaire pour payer",
                    "Payer en ligne", "Intérêts de retard", "Indemnité forfaitaire (UE 2011/7)", "Total"),
            "es", List.of("Factura", "Vencimiento", "Pendiente", "Referencia", "Escanee con su app bancaria para pagar", "Pagar en línea",
                    "Intereses de demora", "Indemnización (UE 2011/7)", "Total"),
            "pt", List.of("Fatura", "Vencimento", "Em aberto", "Referência", "Digitalize com a app do seu banco para pagar",
                    "Pagar online", "Juros de mora", "Indemnização (UE 2011/7)", "Total"));
    /** The names the labels above go by in a template ({@code {{label.invoice}}}), in the same order. */
    static final List<String> LABEL_NAMES = List.of("label.invoice", "label.due-date", "label.open", "label.reference",
            "label.scan", "label.pay-online", "label.interest", "label.compensation", "label.total");

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

    /** The line of a link of {@code provider}: a direct-debit set-up for {@code gocardless}, a card payment otherwise. */
    String payOnline(String provider, String url, String until) {
        Map<String, String> wording = provider.equals("gocardless") ? SET_UP_DIRECT_DEBIT : PAY_ONLINE;
        return String.format(Locale.ROOT, wording.get(language), url, until);
    }

    /** Every label by its template name, plus {@code label.late-charges}. */
    Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < LABEL_NAMES.size(); i++) {
            labels.put(LABEL_NAMES.get(i), LABELS.get(language).get(i));
        }
        labels.put("label.late-charges", lateCharges());
        return labels;
    }

    String noQrCode(String invoiceNumber) {
        return String.format(Locale.ROOT, NO_QR_CODE.get(language), invoiceNumber);
    }

    /** The short template of {@code channel}, or empty when it sends the step's own template (e-mail, letter). */
    static Optional<String> shortFor(Channel channel) {
        return Optional.ofNullable(SHORT.get(channel));
    }
}
