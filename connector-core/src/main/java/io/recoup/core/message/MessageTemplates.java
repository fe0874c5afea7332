package io.recoup.core.message;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a template by name and language ({@code <language>/<name>.txt}, falling back to the default language) and
 * renders it. A template's first line is {@code Subject: ...}, then a blank line, then the body.
 */
public final class MessageTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

    private final Function<String, Optional<String>> loader;
    private final Locale fallback;

    /** @param loader reads a template text by relative path, e.g. from the classpath or a folder */
    public MessageTemplates(Function<String, Optional<String>> loader, Locale fallback) {
        this.loader = loader;
        this.fallback = fallback;
    }

    /**
     * The language a message for {@code wanted} will be written in: {@code wanted} when the template exists in it,
     * otherwise the fallback. Dates and amounts should be formatted for this language, not the customer's.
     */
    public Locale languageFor(String template, Locale wanted) {
        return loader.apply(wanted.getLanguage() + "/" + template + ".txt").isPresent() ? wanted : fallback;
    }

    public RenderedMessage render(String template, Locale language, Map<String, String> values) {
        String path = language.getLanguage() + "/" + template + ".txt";
        String text = loader.apply(path)
                .or(() -> loader.apply(fallback.getLanguage() + "/" + template + ".txt"))
                .orElseThrow(() -> new RecoupException(ErrorCode.TEMPLATE_MISSING,
                        "template '" + template + "' exists neither for language " + language.getLanguage()
                                + " nor for " + fallback.getLanguage()));
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("Subject:")) {
            throw new RecoupException(ErrorCode.TEMPLATE_MISSING, "template " + path + ": first line must be 'Subject: ...'");
        }
        int end = normalized.indexOf('\n');
        String subject = (end < 0 ? normalized : normalized.substring(0, end)).substring("Subject:".length()).strip();
        String body = end < 0 ? "" : normalized.substring(end + 1).stripLeading();
        return new RenderedMessage(fill(path, subject, values), fill(path, body, values));
    }

    private static String fill(String path, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new RecoupException(ErrorCode.TEMPLATE_PLACEHOLDER,
                        "template " + path + ": placeholder ${" + m.group(1) + "} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A rendered subject and body. */
    public record RenderedMessage(String subject, String body) {}
}
