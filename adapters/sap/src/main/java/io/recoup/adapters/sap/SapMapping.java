package io.recoup.adapters.sap;

import io.recoup.core.port.SourceSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which field of {@code A_OperationalAcctgDocItemCube} each Recoup field is read from. The defaults are SAP's standard
 * fields; the {@code mapping} block of the source overrides any of them. A value may name several fields separated by
 * commas: the first non-blank one wins (the invoice number is the printed reference, else the journal entry number).
 * {@code email} and {@code phone} have no default: the cube carries no contact data, so they stay empty unless a
 * customer points them at a field their system fills (e.g. a reference field).
 */
record SapMapping(Map<String, List<String>> fields) {
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("number", "DocumentReferenceID,AccountingDocument");
        d.put("issue-date", "DocumentDate");
        d.put("due-date", "NetDueDate");
        d.put("amount", "AmountInTransactionCurrency");
        d.put("currency", "TransactionCurrency");
        d.put("customer", "Customer");
        d.put("customer-name", "CustomerName");
        d.put("email", "");
        d.put("phone", "");
        return Map.copyOf(d);
    }

    SapMapping {
        fields = Map.copyOf(fields);
    }

    static SapMapping of(SourceSettings s) {
        Map<String, Object> block = s.block("mapping");
        for (String key : block.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw SapSettings.invalid(s, "mapping." + key, "is not a Recoup field (known: " + DEFAULTS.keySet() + ")");
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        DEFAULTS.forEach((key, standard) -> {
            Object value = block.get(key);
            String text = value == null ? standard : value.toString();
            List<String> names = Arrays.stream(text.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
            names.forEach(n -> {
                if (!n.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw SapSettings.invalid(s, "mapping." + key, "names '" + n + "', which is not an OData property");
                }
            });
            fields.put(key, names);
        });
        return new SapMapping(fields);
    }

    List<String> sourceFields(String recoupField) {
        return fields.getOrDefault(recoupField, List.of());
    }

    /** Every cube property the mapping reads, for {@code $select}. */
    Set<String> selected() {
        Set<String> all = new LinkedHashSet<>();
        fields.values().forEach(all::addAll);
        return all;
    }
}
