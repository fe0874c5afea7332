package io.recoup.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
    private final Map<String, String> files = Map.of(
            "en/due.txt", "Subject: Invoice {{number}} is due\n\nPlease pay {{amount}}.\n",
            "de/due.txt", "Subject: Rechnung {{number}} ist fällig\r\n\r\nBitte zahlen Sie {{amount}}.\r\n",
            "en/list.txt", "Subject: Dear {{customer.name}}\n\nDear {{customer.name}} & co,\n\n{{> items}}\n\nTotal {{total}}\n",
            "en/typo.txt", "Subject: Dear {{customer.nmae}}\n\n{{> items}}\n",
            "partials/items.txt", "{{#items}}\n  {{number}} {{open}}\n{{/items}}\n",
            "partials/items.html", "<table>{{#items}}<tr><td>{{number}}</td><td>{{open}}</td></tr>{{/items}}</table>",
            MessageTemplates.LAYOUT, "<html lang=\"{{language}}\"><title>{{subject}}</title><body>{{{content}}}</body></html>");
    private final MessageTemplates templates = new MessageTemplates(p -> Optional.ofNullable(files.get(p)), Locale.ENGLISH);
    private final TemplateVocabulary vocabulary = new TemplateVocabulary(Set.of("customer.name", "total"),
            Map.of("items", Set.of("number", "open")));

    @Test
    void readsEachTemplateOnceHoweverManyMessagesItRenders() {
        Map<String, Integer> reads = new java.util.concurrent.ConcurrentHashMap<>();
        MessageTemplates counted = new MessageTemplates(p -> {
            reads.merge(p, 1, Integer::sum);
            return Optional.ofNullable(files.get(p));
        }, Locale.ENGLISH);
        for (int i = 0; i < 3; i++) {
            assertThat(counted.render("due", Locale.GERMAN, Map.of("number", "INV-" + i, "amount", "EUR 10.00")).subject())
                    .isEqualTo("Rechnung INV-" + i + " ist fällig");
            assertThat(counted.renderHtml("list", Locale.ENGLISH, Map.of("customer.name", "A", "total", "1",
                    "items", java.util.List.of(Map.of("number", "INV-" + i, "open", "1"))))).isPresent();
        }
        assertThat(reads).isNotEmpty().allSatisfy((path, times) -> assertThat(times).as(path).isEqualTo(1));
    }

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
                .hasMessage("template en/due.txt: {{amount}} has no value");
        assertThatThrownBy(() -> templates.render("nope", Locale.ENGLISH, Map.of()))
                .hasMessageContaining("template 'nope' exists neither for language en nor for en");
    }

    @Test
    void refusesTheHtmlVersionWhenOnlyItsSubjectLacksAValue() {
        assertThatThrownBy(() -> templates.renderHtml("due", Locale.ENGLISH, Map.of("amount", "EUR 10.00")))
                .hasMessage("template en/due.txt: {{number}} has no value");
    }

    @Test
    void rendersTheItemListThroughItsPartialInTextWithValuesAsTheyAre() {
        var message = templates.render("list", Locale.ENGLISH, values("<script>alert(1)</script>"));
        assertThat(message.body()).isEqualTo("Dear <script>alert(1)</script> & co,\n\n  INV-1 EUR 10.00\n  INV-2 EUR 5.00\n\n"
                + "Total EUR 15.00\n");
    }

    @Test
    void escapesACustomersNameInTheHtmlVersionAndKeepsTheLayoutAndTable() {
        String html = templates.renderHtml("list", Locale.ENGLISH, values("<script>alert(1)</script>")).orElseThrow();
        assertThat(html).doesNotContain("<script>")
                .contains("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,</p>")
                .contains("<title>Dear &lt;script&gt;alert(1)&lt;/script&gt;</title>")
                .contains("<tr><td>INV-1</td><td>EUR 10.00</td></tr>")
                .startsWith("<html lang=\"en\">");
    }

    @Test
    void namesEveryUnknownVariableWithTemplateAndLanguage() {
        assertThat(templates.problems("typo", Locale.ENGLISH, vocabulary))
                .containsExactly("template en/typo.txt (language en): unknown variable {{customer.nmae}}");
        assertThat(templates.problems("list", Locale.ENGLISH, vocabulary)).isEmpty();
        assertThat(templates.problems("list", Locale.ENGLISH, new TemplateVocabulary(Set.of("customer.name", "total"),
                Map.of("items", Set.of("number"))))).containsExactly("template en/list.txt (language en): unknown variable {{open}}");
    }

    private static Map<String, Object> values(String name) {
        return Map.of("customer.name", name, "total", "EUR 15.00", "items", List.of(
                Map.of("number", "INV-1", "open", "EUR 10.00"), Map.of("number", "INV-2", "open", "EUR 5.00")));
    }
}
