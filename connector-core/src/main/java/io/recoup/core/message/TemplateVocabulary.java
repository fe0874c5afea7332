package io.recoup.core.message;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a template may use: {@code values} (dotted, e.g. {@code customer.name}; usable as {@code {{name}}} or as a
 * section that shows only when the value is not empty) and {@code lists}, each with the names its elements carry
 * (e.g. {@code items} with {@code number}, {@code open}). A renderer declares its vocabulary once, so a template can be
 * checked against it when the policy loads, and every render is checked against the values it is actually given.
 */
public record TemplateVocabulary(Set<String> values, Map<String, Set<String>> lists) {
    public TemplateVocabulary {
        values = Set.copyOf(values);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        lists.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Set.copyOf(v)));
        lists = Map.copyOf(copy);
    }

    /** This vocabulary with {@code more} values added (e.g. the layout's own). */
    public TemplateVocabulary plus(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(more);
        return new TemplateVocabulary(all, lists);
    }

    /**
     * The vocabulary of the values one render is given: every key of {@code values}, and for a list of maps the keys
     * of its elements. An empty list says nothing of its elements, so they are not checked.
     */
    static TemplateVocabulary of(Map<String, ?> values) {
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                Set<String> element = new TreeSet<>();
                list.forEach(e -> {
                    if (e instanceof Map<?, ?> m) {
                        m.keySet().forEach(k -> element.add(String.valueOf(k)));
                    }
                });
                lists.put(name, list.isEmpty() ? Set.of(ANY) : element);
            } else {
                names.add(name);
            }
        });
        return new TemplateVocabulary(names, lists);
    }

    /** Stands for "any name" inside a list whose elements are unknown. */
    static final String ANY = "*";
}
