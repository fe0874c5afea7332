package io.recoup.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundled template (Mustache) must open with a subject and use only variables that are filled: the dispatcher's
 * for reminders and letters, the direct-debit stage's for the pre-notification. (Routes' {@code TemplateCheckTest}
 * checks the same against the renderer's own vocabulary, partials included, as a policy load does.)
 */
class BundledTemplatesTest {
    private static final List<String> KNOWN = List.of("customer.name", "invoice.number", "invoice.numbers", "invoice.due-date",
            "amount.open", "amount.total", "amount.due", "count", "items", "creditor.name", "creditor.iban", "creditor.bic",
            "payment.reference", "label.late-charges", "payment.link");
    /** The facts the SDD rulebook (PT-04.02) wants in a pre-notification, and the invoice and account it is for. */
    private static final List<String> PRE_NOTIFICATION = List.of("debtor.name", "debtor.account", "collection.date",
            "collection.amount", "invoice.number", "mandate.reference", "creditor.identifier", "creditor.name");
    /** The final reminder of the onboarding rule also states its grace period. */
    private static final List<String> FINAL_REMINDER = java.util.stream.Stream.concat(KNOWN.stream(),
            java.util.stream.Stream.of("grace.until", "grace.days")).toList();
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt");
    private static final List<String> CUSTOMER_FACING = List.of("reminder-pre-due", "reminder-due", "reminder-overdue",
            "instalment-reminder", "instalment-overdue", "legal-letter", "final-reminder");

    @Test
    void everyCustomerFacingTemplateExistsInFiveLanguagesWithTheBankDetails() throws IOException {
        for (String language : LANGUAGES) {
            for (String template : CUSTOMER_FACING) {
                Path file = Path.of("src/main/resources/recoup/templates", language, template + ".txt");
                assertThat(file).as(file.toString()).exists();
                assertThat(Files.readString(file)).contains("{{> items}}", "{{creditor.iban}}", "{{creditor.name}}", "{{> payment}}");
            }
        }
    }

    @Test
    void everyReminderOffersThePaymentOptionsRightAfterTheBankDetailsInFiveLanguages() throws IOException {
        for (String language : LANGUAGES) {
            for (String template : List.of("reminder-pre-due", "reminder-due", "reminder-overdue", "final-reminder")) {
                Path file = Path.of("src/main/resources/recoup/templates", language, template + ".txt");
                // the paragraph after the bank-transfer line: empty without a link, so the text stays as it was
                assertThat(Files.readString(file)).as(file.toString()).containsPattern("\\{\\{creditor\\.bic}}[^\\n]*\\n\\n\\{\\{> payment}}\\n");
            }
        }
    }

    @Test
    void theShortTextsOfSmsCallsAndWhatsAppExistInFiveLanguagesWithTheReferenceAndSmsWithThePaymentLink() throws IOException {
        for (String language : LANGUAGES) {
            for (String template : List.of("sms-reminder", "call-message", "whatsapp-reminder")) {
                Path file = Path.of("src/main/resources/recoup/templates", language, template + ".txt");
                assertThat(Files.readString(file)).as(file.toString()).contains("{{payment.reference}}", "{{amount.total}}")
                        .doesNotContain("${items}");
            }
            assertThat(Files.readString(Path.of("src/main/resources/recoup/templates", language, "sms-reminder.txt")))
                    .contains("{{payment.link}}");
        }
    }

    /** The rows show each invoice's late charges, so the total under them adds them in (as the PDF letter does). */
    @Test
    void theTotalUnderTheInvoicesIncludesTheirLateChargesInFiveLanguages() throws IOException {
        for (String language : LANGUAGES) {
            for (String template : List.of("reminder-pre-due", "reminder-due", "reminder-overdue", "final-reminder", "legal-letter")) {
                Path file = Path.of("src/main/resources/recoup/templates", language, template + ".txt");
                assertThat(Files.readString(file)).as(file.toString()).containsPattern("\\n[^{\\n]+: \\{\\{amount\\.due}}\\n")
                        .doesNotContainPattern("\\n[^{\\n]+: \\{\\{amount\\.total}}\\n");
            }
        }
    }

    @Test
    void theFinalReminderStatesItsGracePeriodInFiveLanguages() throws IOException {
        for (String language : LANGUAGES) {
            Path file = Path.of("src/main/resources/recoup/templates", language, "final-reminder.txt");
            assertThat(Files.readString(file)).as(file.toString()).contains("{{grace.until}}", "{{grace.days}}");
        }
    }

    @Test
    void thePreNotificationExistsInFiveLanguagesWithEveryFactTheRulebookAsksFor() throws IOException {
        for (String language : LANGUAGES) {
            Path file = Path.of("src/main/resources/recoup/templates", language, "pre-notification.txt");
            assertThat(file).as(file.toString()).exists();
            assertThat(Files.readString(file)).as(file.toString())
                    .contains(PRE_NOTIFICATION.stream().map(p -> "{{" + p + "}}").toArray(String[]::new));
        }
    }

    @Test
    void everyTemplateHasASubjectAndOnlyKnownPlaceholders() throws IOException {
        Path root = Path.of("src/main/resources/recoup/templates");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".txt") && !p.getParent().endsWith("partials")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(36);
        // {{name}}, not partials ({{> x}}) or section ends; a section's name ({{#x}}) must be known too
        Pattern placeholder = Pattern.compile("\\{\\{[#^]?\\s*([A-Za-z0-9_.-]+)\\s*}}");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(file.toString()).startsWith("Subject: ");
            List<String> known = switch (file.getFileName().toString()) {
                case "pre-notification.txt" -> PRE_NOTIFICATION;
                case "final-reminder.txt" -> FINAL_REMINDER;
                default -> KNOWN;
            };
            Matcher m = placeholder.matcher(text);
            while (m.find()) {
                assertThat(known).as(file + " uses {{" + m.group(1) + "}}").contains(m.group(1));
            }
        }
    }
}
