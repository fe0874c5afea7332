package io.recoup.core.message;

import com.github.mustachejava.Code;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a compiled template (with its partials) and names every variable it uses that the vocabulary does not know.
 * Inside a list's section the list element's names are known, and so are the names outside it (Mustache looks them up
 * outward). Walking the compiled tree, not the text, means partials and sections are seen exactly as the engine sees
 * them.
 */
final class TemplateChecker {
    private final TemplateVocabulary vocabulary;
    private final List<String> unknown = new ArrayList<>();

    private TemplateChecker(TemplateVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The unknown names in {@code codes}, in the order they appear, each once. */
    static List<String> unknownNames(Code[] codes, TemplateVocabulary vocabulary) {
        TemplateChecker checker = new TemplateChecker(vocabulary);
        checker.walk(codes, List.of());
        return checker.unknown;
    }

    private void walk(Code[] codes, List<Set<String>> elementScopes) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof ValueCode) {
                check(code.getName(), elementScopes);
            } else if (code instanceof IterableCode || code instanceof NotIterableCode) {
                String name = code.getName();
                Set<String> element = vocabulary.lists().get(name);
                if (element != null) {
                    List<Set<String>> inner = new ArrayList<>(elementScopes);
                    inner.add(element);
                    walk(code.getCodes(), inner);
                } else {
                    check(name, elementScopes);
                    walk(code.getCodes(), elementScopes);
                }
            } else if (code instanceof PartialCode) {
                walk(code.getCodes(), elementScopes);
            } else {
                walk(code.getCodes(), elementScopes);
            }
        }
    }

    private void check(String name, List<Set<String>> elementScopes) {
        if (name == null || name.equals(".") || vocabulary.values().contains(name) || vocabulary.lists().containsKey(name)) {
            return;
        }
        for (Set<String> scope : elementScopes) {
            if (scope.contains(name) || scope.contains(TemplateVocabulary.ANY)) {
                return;
            }
        }
        if (!unknown.contains(name)) {
            unknown.add(name);
        }
    }
}
