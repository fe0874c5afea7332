package io.recoup.core.message;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mustache (mustache.java) in one of two modes over the same template files. TEXT writes values as they are; HTML
 * escapes every {@code {{value}}} and reads a text template's body as paragraphs ({@code <p>}, a line break
 * {@code <br/>}, well-formed for a PDF renderer too), its literal text escaped, so one wording per language serves
 * the text, the HTML and the letter. A partial
 * {@code {{> name}}} is {@code partials/name.txt} or {@code partials/name.html} by mode. Compiled templates are kept:
 * the bundled ones do not change while Recoup runs.
 */
final class TemplateEngine {
    /** A paragraph that is one partial and nothing else is left to the partial (the item table, the payment options). */
    private static final Pattern LONE_PARTIAL = Pattern.compile("\\{\\{>\\s*[A-Za-z0-9_-]+\\s*}}");
    private static final Pattern TAG = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

    private final boolean html;
    private final DefaultMustacheFactory factory;
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    TemplateEngine(Function<String, Optional<String>> loader, boolean html) {
        this.html = html;
        String extension = html ? ".html" : ".txt";
        this.factory = new DefaultMustacheFactory(name -> loader.apply(name).map(StringReader::new).orElse(null)) {
            @Override
            public String resolvePartialPath(String dir, String name, String ignored) {
                return "partials/" + name + extension;
            }

            @Override
            public void encode(String value, Writer writer) {
                if (html) {
                    super.encode(value, writer);
                } else {
                    try {
                        writer.write(value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    /**
     * The compiled {@code source}, kept under {@code key}.
     *
     * @param paragraphs whether (in HTML mode) the source is a text body to be read as paragraphs
     * @throws MustacheException when the source is not a valid template or names a partial that does not exist
     */
    Mustache compile(String key, String source, boolean paragraphs) {
        return compiled.computeIfAbsent(key, k -> factory.compile(new StringReader(html && paragraphs ? asHtml(source) : source), k));
    }

    static String execute(Mustache template, Object scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** A text body as HTML paragraphs: its literal text escaped, its tags kept for the engine. */
    static String asHtml(String body) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : body.strip().split("\n[ \t]*\n+")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (LONE_PARTIAL.matcher(p).matches()) {
                out.append(p).append('\n');
            } else {
                out.append("<p>").append(escapeLiterals(p).replace("\n", "<br/>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String escapeLiterals(String text) {
        StringBuilder out = new StringBuilder();
        Matcher tags = TAG.matcher(text);
        int at = 0;
        while (tags.find()) {
            out.append(escape(text.substring(at, tags.start()))).append(tags.group());
            at = tags.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static String escape(String literal) {
        return literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
