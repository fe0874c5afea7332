package io.recoup.core.message;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a template by name and language ({@code <language>/<name>.txt}, falling back to the default language) and
 * renders it with Mustache: {@code {{customer.name}}}, sections {@code {{#items}}...{{/items}}}, partials
 * {@code {{> items}}}. A template's first line is {@code Subject: ...}, then a blank line, then the body. The same
 * template gives the plain text and, inside the shared {@code layout.html}, the HTML of an e-mail (values escaped).
 * Values are given flat with dotted names ({@code customer.name}); a list's elements are maps. A template naming a
 * value it is not given is refused, both when checked against a renderer's vocabulary (as the policy loads) and when
 * rendered, so a customer never receives a message with a hole in it.
 */
public final class MessageTemplates {
    /** The shared HTML frame around every HTML message: it gets {@code subject}, {@code language} and {@code content}. */
    public static final String LAYOUT = "layout.html";
    /** The frame of a printed letter (A4, sender and recipient, the late charges itemised), with the same values. */
    public static final String LETTER_LAYOUT = "letter.html";
    static final Set<String> LAYOUT_VALUES = Set.of("subject", "language", "content");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private final Function<String, Optional<String>> loader;
    private final Locale fallback;
    private final TemplateEngine text;
    private final TemplateEngine html;

    /**
     * @param loader reads a template text by relative path, e.g. from the classpath or a folder; each path is read once
     *               and kept (as its compiled form always was), not read again for every message
     */
    public MessageTemplates(Function<String, Optional<String>> loader, Locale fallback) {
        Map<String, Optional<String>> read = new ConcurrentHashMap<>();
        this.loader = path -> read.computeIfAbsent(path, loader);
        this.fallback = fallback;
        this.text = new TemplateEngine(this.loader, false);
        this.html = new TemplateEngine(this.loader, true);
    }

    /**
     * The language a message for {@code wanted} will be written in: {@code wanted} when the template exists in it,
     * otherwise the fallback. Dates and amounts should be formatted for this language, not the customer's.
     */
    public Locale languageFor(String template, Locale wanted) {
        return exists(template, wanted) ? wanted : fallback;
    }

    /** Whether the template exists in {@code language} itself (no fallback). */
    public boolean exists(String template, Locale language) {
        return loader.apply(path(template, language)).isPresent();
    }

    public Locale fallback() {
        return fallback;
    }

    /** The plain-text subject and body. */
    public RenderedMessage render(String template, Locale language, Map<String, ?> values) {
        Source source = source(template, language);
        Map<String, Object> scope = scope(values);
        TemplateVocabulary given = TemplateVocabulary.of(values);
        Mustache subject = compiled(text, source, "subject", source.subject(), false);
        Mustache body = compiled(text, source, "body", source.body(), true);
        refuseHoles(source.path(), given, subject, body);
        return new RenderedMessage(TemplateEngine.execute(subject, scope), BLANK_LINES.matcher(TemplateEngine.execute(body, scope))
                .replaceAll("\n\n"));
    }

    /** The HTML version of {@link #render}: the body as paragraphs inside the shared layout; empty without a layout. */
    public Optional<String> renderHtml(String template, Locale language, Map<String, ?> values) {
        return renderHtml(template, language, values, LAYOUT);
    }

    /** As {@link #renderHtml(String, Locale, Map)} inside {@code layout} (e.g. {@link #LETTER_LAYOUT}); empty without it. */
    public Optional<String> renderHtml(String template, Locale language, Map<String, ?> values, String layout) {
        Optional<String> layoutSource = loader.apply(layout);
        if (layoutSource.isEmpty()) {
            return Optional.empty();
        }
        Source source = source(template, language);
        Map<String, Object> scope = scope(values);
        TemplateVocabulary given = TemplateVocabulary.of(values);
        Mustache body = compiled(html, source, "body", source.body(), true);
        refuseHoles(source.path() + " (HTML)", given, body);
        // the subject alone, not the whole text version again: the caller renders that once for itself
        Mustache subject = compiled(text, source, "subject", source.subject(), false);
        refuseHoles(source.path(), given, subject);
        Map<String, Object> frame = new LinkedHashMap<>(scope);
        frame.put("subject", TemplateEngine.execute(subject, scope));
        frame.put("language", language.getLanguage());
        frame.put("content", TemplateEngine.execute(body, scope));
        return Optional.of(TemplateEngine.execute(html.compile(layout, layoutSource.get(), false), frame));
    }

    /**
     * What is wrong with the template in {@code language} (not the fallback) against {@code vocabulary}: each variable
     * it names that the renderer does not give, or why it cannot be read; empty when it is fine or does not exist.
     * The text and the HTML version (with the layout) are both checked.
     */
    public List<String> problems(String template, Locale language, TemplateVocabulary vocabulary) {
        String path = path(template, language);
        Optional<String> content = loader.apply(path);
        if (content.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try {
            Source source = Source.parse(path, content.get());
            List<String> unknown = new ArrayList<>(TemplateChecker.unknownNames(compiled(text, source, "subject", source.subject(), false).getCodes(), vocabulary));
            TemplateChecker.unknownNames(compiled(text, source, "body", source.body(), true).getCodes(), vocabulary).stream()
                    .filter(n -> !unknown.contains(n)).forEach(unknown::add);
            if (loader.apply(LAYOUT).isPresent()) {
                TemplateChecker.unknownNames(compiled(html, source, "body", source.body(), true).getCodes(), vocabulary).stream()
                        .filter(n -> !unknown.contains(n)).forEach(unknown::add);
            }
            for (String name : List.of(LAYOUT, LETTER_LAYOUT)) {
                Optional<String> layout = loader.apply(name);
                if (layout.isPresent()) {
                    TemplateChecker.unknownNames(html.compile(name, layout.get(), false).getCodes(), vocabulary.plus(LAYOUT_VALUES))
                            .forEach(n -> problems.add("template " + name + ": unknown variable {{" + n + "}}"));
                }
            }
            unknown.forEach(n -> problems.add("template " + path + " (language " + language.getLanguage()
                    + "): unknown variable {{" + n + "}}"));
        } catch (RecoupException | MustacheException e) {
            problems.add("template " + path + " (language " + language.getLanguage() + "): " + e.getMessage());
        }
        return problems;
    }

    private Source source(String template, Locale language) {
        String path = path(template, language);
        Optional<String> own = loader.apply(path);
        if (own.isPresent()) {
            return Source.parse(path, own.get());
        }
        String other = path(template, fallback);
        return Source.parse(other, loader.apply(other).orElseThrow(() -> new RecoupException(ErrorCode.TEMPLATE_MISSING,
                "template '" + template + "' exists neither for language " + language.getLanguage() + " nor for "
                        + fallback.getLanguage())));
    }

    private static Mustache compiled(TemplateEngine engine, Source source, String part, String text, boolean paragraphs) {
        try {
            return engine.compile(source.path() + "#" + part, text, paragraphs);
        } catch (MustacheException e) {
            throw new RecoupException(ErrorCode.TEMPLATE_MISSING, "template " + source.path() + " cannot be read: " + e.getMessage());
        }
    }

    private static void refuseHoles(String path, TemplateVocabulary given, Mustache... parts) {
        List<String> holes = new ArrayList<>();
        for (Mustache part : parts) {
            TemplateChecker.unknownNames(part.getCodes(), given).stream().filter(n -> !holes.contains(n)).forEach(holes::add);
        }
        if (!holes.isEmpty()) {
            throw new RecoupException(ErrorCode.TEMPLATE_PLACEHOLDER, "template " + path + ": "
                    + holes.stream().map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")) + " has no value");
        }
    }

    /** Dotted names become nested maps, which is how Mustache reads {@code {{customer.name}}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scope(Map<String, ?> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> at = root;
            String[] parts = name.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(parts[parts.length - 1], value);
        });
        return root;
    }

    private static String path(String template, Locale language) {
        return language.getLanguage() + "/" + template + ".txt";
    }

    /** A template file: its path, its subject line and its body. */
    private record Source(String path, String subject, String body) {
        static Source parse(String path, String text) {
            String normalized = text.replace("\r\n", "\n");
            if (!normalized.startsWith("Subject:")) {
                throw new RecoupException(ErrorCode.TEMPLATE_MISSING, "template " + path + ": first line must be 'Subject: ...'");
            }
            int end = normalized.indexOf('\n');
            String subject = (end < 0 ? normalized : normalized.substring(0, end)).substring("Subject:".length()).strip();
            return new Source(path, subject, end < 0 ? "" : normalized.substring(end + 1).stripLeading());
        }
    }

    /** A rendered subject and body. */
    public record RenderedMessage(String subject, String body) {}
}
