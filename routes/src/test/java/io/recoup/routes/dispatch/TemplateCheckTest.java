package io.recoup.routes.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.routes.plan.PolicyHolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A policy whose templates are missing or name a variable the renderer does not give is refused as it loads. */
class TemplateCheckTest {
    private final Map<String, String> overrides = new HashMap<>();
    private final MessageTemplates templates = new MessageTemplates(
            p -> overrides.containsKey(p) ? Optional.ofNullable(overrides.get(p)) : Optional.ofNullable(resource("/recoup/templates/" + p)),
            Locale.ENGLISH);
    private final TemplateCheck check = new TemplateCheck(templates, TemplateCheck.BUNDLED_LANGUAGES);

    @ParameterizedTest
    @ValueSource(strings = {"default", "gentle-b2b", "standard", "strict"})
    void everyBundledPolicysTemplatesRenderInFiveLanguagesWithTheRenderersValues(String name) {
        assertThat(check.problems(policy(name))).isEmpty();
    }

    @Test
    void namesTheTemplateLanguageAndVariableOfATypo() {
        overrides.put("de/reminder-due.txt", "Subject: Fällig: {{invoice.numbers}}\n\nGuten Tag {{customer.nmae}},\n\n{{> items}}\n");
        assertThat(check.problems(policy("default"))).containsExactly(
                "policy default: template de/reminder-due.txt (language de): unknown variable {{customer.nmae}}");
    }

    @Test
    void namesAVariableUnknownInsideTheItemList() {
        overrides.put("partials/items.txt", "{{#items}}\n  {{number}} {{amount}}\n{{/items}}\n");
        assertThat(check.problems(policy("default"))).isNotEmpty()
                .allSatisfy(p -> assertThat(p).endsWith("unknown variable {{amount}}"))
                .anySatisfy(p -> assertThat(p).contains("template fr/reminder-overdue.txt (language fr)"));
    }

    @Test
    void namesACustomerFacingTemplateMissingInALanguageButNotATaskForThePerson() {
        overrides.put("pt/reminder-pre-due.txt", null);
        assertThat(check.problems(policy("default")))
                .containsExactly("policy default: template 'reminder-pre-due' is missing for language pt");
    }

    @Test
    void refusesThePolicyWhenItLoadsSoNoCustomerIsDueFirst() {
        overrides.put("en/call-task.txt", "Subject: Call {{customer.name}} on {{customer.phone}}\n\n{{> items}}\n");
        PolicyHolder.Source source = new PolicyHolder.Source() {
            @Override
            public String name() {
                return "default.yaml";
            }

            @Override
            public String text() {
                return resource("/recoup/policies/default.yaml");
            }

            @Override
            public Object stamp() {
                return 1;
            }
        };
        assertThatThrownBy(() -> new PolicyHolder(PolicyLoader.withBundledSchema(), Set.of(Channel.EMAIL), source, check::problems))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
                .hasMessageContaining("default.yaml cannot be used")
                .hasMessageContaining("template en/call-task.txt (language en): unknown variable {{customer.phone}}");
    }

    private static DunningPolicy policy(String name) {
        return PolicyLoader.withBundledSchema().load(name + ".yaml", resource("/recoup/policies/" + name + ".yaml"));
    }

    private static String resource(String path) {
        try (InputStream in = TemplateCheckTest.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
