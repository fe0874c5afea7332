package io.recoup.routes.dispatch;

import io.recoup.core.dunning.OnboardingStep;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.Ladder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks, when a policy loads, every template its notices can be rendered with: the templates its steps and
 * escalations name (with the bundled reminders dispatch may swap between), and the engine's own (onboarding reminder,
 * payment plans, tasks). Each must exist in the fallback language; one a customer reads must exist in every language
 * Recoup writes in; and none may name a variable the renderer does not give ({@link NoticeValues#VOCABULARY}). Every
 * problem names the template, the language and the variable, so a typo stops the policy, not a customer's reminder.
 */
public final class TemplateCheck {
    /** The languages the bundled templates are written in. */
    public static final List<Locale> BUNDLED_LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"));
    /** Templates the engine uses whatever the policy says, and whether a customer reads them. */
    private static final Map<String, Boolean> ENGINES_OWN = Map.of(OnboardingStep.TEMPLATE, true, "instalment-reminder", true,
            "instalment-overdue", true, "no-channel-task", false, "promise-broken", false, "payment-plan-broken", false);

    private final MessageTemplates templates;
    private final List<Locale> languages;

    public TemplateCheck(MessageTemplates templates, List<Locale> languages) {
        this.templates = templates;
        this.languages = List.copyOf(languages);
    }

    /** Every problem with the templates {@code policy} uses; empty when they are all fine. */
    public List<String> problems(DunningPolicy policy) {
        List<String> problems = new ArrayList<>();
        used(policy).forEach((template, readByCustomer) -> {
            if (!templates.exists(template, templates.fallback())) {
                problems.add("template '" + template + "' is missing for language " + templates.fallback().getLanguage());
                return;
            }
            for (Locale language : languages) {
                if (readByCustomer && !templates.exists(template, language)) {
                    problems.add("template '" + template + "' is missing for language " + language.getLanguage());
                }
                problems.addAll(templates.problems(template, language, NoticeValues.VOCABULARY));
            }
        });
        return problems.stream().map(p -> "policy " + policy.id() + ": " + p).toList();
    }

    private static Map<String, Boolean> used(DunningPolicy policy) {
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (Ladder ladder : policy.ladders().values()) {
            for (Ladder.Occurrence o : ladder.occurrences()) {
                boolean readByCustomer = o.channels().stream().anyMatch(Channel::reachesCustomer);
                List<String> names = NoticeWording.REMINDERS.contains(o.template()) ? NoticeWording.REMINDERS : List.of(o.template());
                names.forEach(t -> used.merge(t, readByCustomer, Boolean::logicalOr));
            }
        }
        ENGINES_OWN.forEach((t, readByCustomer) -> used.merge(t, readByCustomer, Boolean::logicalOr));
        return used;
    }
}
