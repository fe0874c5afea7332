package io.recoup.adapters.businesscentral;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Business Central field each Recoup field is read from, from the source's {@code mapping} block, with the
 * standard API v2.0 fields as defaults. A customer can point, say, {@code number} to {@code externalDocumentNumber};
 * the language has no standard field, so it is read only when mapped (to a field of an extended API page).
 */
record BcMapping(String number, String issueDate, String dueDate, String originalAmount, String openAmount,
                 String currency, String customerName, String customerEmail, String customerPhone,
                 Optional<String> customerLanguage) {

    static BcMapping of(Map<String, Object> block) {
        return new BcMapping(
                text(block, "number", "number"),
                text(block, "issue-date", "invoiceDate"),
                text(block, "due-date", "dueDate"),
                text(block, "original-amount", "totalAmountIncludingTax"),
                text(block, "open-amount", "remainingAmount"),
                text(block, "currency", "currencyCode"),
                text(block, "customer-name", "displayName"),
                text(block, "customer-email", "email"),
                text(block, "customer-phone", "phoneNumber"),
                Optional.ofNullable(block.get("customer-language")).map(Object::toString).filter(s -> !s.isBlank()));
    }

    /** The invoice fields a sync asks for ({@code $select}): the mapped ones and those the adapter itself needs. */
    String invoiceSelect() {
        Set<String> fields = new LinkedHashSet<>(java.util.List.of("id", "status", "lastModifiedDateTime", "customerId",
                "customerNumber", "email", "phoneNumber"));
        fields.addAll(java.util.List.of(number, issueDate, dueDate, originalAmount, openAmount, currency));
        return String.join(",", fields);
    }

    /** The customer fields a sync asks for through {@code $expand=customer($select=...)}. */
    String customerSelect() {
        Set<String> fields = new LinkedHashSet<>(java.util.List.of("id", "number", "blocked"));
        fields.addAll(java.util.List.of(customerName, customerEmail, customerPhone));
        customerLanguage.ifPresent(fields::add);
        return String.join(",", fields);
    }

    private static String text(Map<String, Object> block, String key, String otherwise) {
        Object value = block.get(key);
        return value == null || value.toString().isBlank() ? otherwise : value.toString().strip();
    }
}
