package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.message.MessageTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ready-made policies in config-templates load, and every template they name exists. */
class BundledPoliciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "gentle-b2b", "standard", "strict"})
    void loadsAndNamesOnlyTemplatesThatExist(String name) throws IOException {
        DunningPolicy policy = PolicyLoader.withBundledSchema().load(name + ".yaml", read("/recoup/policies/" + name + ".yaml"));
        assertThat(policy.id()).isEqualTo(name);
        Set<String> templates = new TreeSet<>();
        policy.ladders().values().forEach(l -> l.occurrences().forEach(o -> templates.add(o.template())));
        // the engine's own: the onboarding rule's final reminder, and the task when no channel can be used
        templates.add(io.recoup.core.dunning.OnboardingStep.TEMPLATE);
        templates.add("no-channel-task");
        MessageTemplates catalogue = new MessageTemplates(p -> Optional.ofNullable(readOrNull("/recoup/templates/" + p)), Locale.ENGLISH);
        for (String template : templates) {
            assertThat(catalogue.languageFor(template, Locale.ENGLISH)).as(name + " uses " + template).isEqualTo(Locale.ENGLISH);
            assertThat(readOrNull("/recoup/templates/en/" + template + ".txt")).as(template).isNotNull();
        }
    }

    private static String read(String path) throws IOException {
        String text = readOrNull(path);
        assertThat(text).as(path).isNotNull();
        return text;
    }

    private static String readOrNull(String path) {
        try (InputStream in = BundledPoliciesTest.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
