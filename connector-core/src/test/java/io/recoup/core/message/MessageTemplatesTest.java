package io.recoup.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
    private final Map<String, String> files = Map.of(
            "en/due.txt", "Subject: Invoice ${number} is due\n\nPlease pay ${amount}.\n",
            "de/due.txt", "Subject: Rechnung ${number} ist fällig\r\n\r\nBitte zahlen Sie ${amount}.\r\n");
    private final MessageTemplates templates = new MessageTemplates(p -> Optional.ofNullable(files.get(p)), Locale.ENGLISH);

    @Test
    void rendersTheCustomersLanguage() {
        var message = templates.render("due", Locale.GERMAN, Map.of("number", "INV-1", "amount", "EUR 10.00"));
        assertThat(message.subject()).isEqualTo("Rechnung INV-1 ist fällig");
        assertThat(message.body()).isEqualTo("Bitte zahlen Sie EUR 10.00.\n");
    }

    @Test
    void fallsBackToTheDefaultLanguage() {
        assertThat(templates.render("due", Locale.FRENCH, Map.of("number", "INV-1", "amount", "$1")).subject())
                .isEqualTo("Invoice INV-1 is due");
    }

    @Test
    void tellsWhichLanguageAMessageWillBeWrittenIn() {
        assertThat(templates.languageFor("due", Locale.GERMAN)).isEqualTo(Locale.GERMAN);
        assertThat(templates.languageFor("due", Locale.FRENCH)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void refusesToRenderWithAMissingValue() {
        assertThatThrownBy(() -> templates.render("due", Locale.ENGLISH, Map.of("number", "INV-1")))
                .hasMessage("template en/due.txt: placeholder ${amount} has no value");
        assertThatThrownBy(() -> templates.render("nope", Locale.ENGLISH, Map.of()))
                .hasMessageContaining("template 'nope' exists neither for language en nor for en");
    }
}
