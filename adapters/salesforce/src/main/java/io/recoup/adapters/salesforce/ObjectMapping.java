package io.recoup.adapters.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an open item lives in one Salesforce org: the invoice object and the API names of the fields Recoup reads from
 * it (relationship paths such as {@code blng__BillToContact__r.Email} reach the contact through the invoice), which
 * status values count as open, the field incremental syncs filter on, an optional extra SOQL condition (one entity of
 * a multi-entity org), an optional field with the customer's IBANs (several separated by {@code ;}), and how payments are written back. Built from a preset ({@link MappingPresets}) with each
 * field overridable from the source's {@code mapping} block.
 */
record ObjectMapping(String object, String id, String number, String customerId, String customerName,
                     Optional<String> email, Optional<String> phone, Optional<String> language,
                     Optional<String> timeZone, Optional<String> segment, Optional<String> ibans,
                     Optional<String> issueDate, String dueDate,
                     String balance, String total, Optional<String> currency, Optional<String> status,
                     List<String> openStatuses, String modstamp, Optional<String> filter, PaymentMapping payment) {
    ObjectMapping {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerId, "customer-id");
        Objects.requireNonNull(customerName, "customer-name");
        Objects.requireNonNull(dueDate, "due-date");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(modstamp, "modstamp");
        Objects.requireNonNull(payment, "payment");
        openStatuses = List.copyOf(openStatuses);
        if (status.isPresent() && openStatuses.isEmpty()) {
            throw new IllegalArgumentException("a status field needs at least one open status");
        }
    }

    /** Every field a query selects, in a stable order and without repeats. */
    List<String> selectedFields() {
        java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
        fields.addAll(List.of(id, number, customerId, customerName));
        email.ifPresent(fields::add);
        phone.ifPresent(fields::add);
        language.ifPresent(fields::add);
        timeZone.ifPresent(fields::add);
        segment.ifPresent(fields::add);
        ibans.ifPresent(fields::add);
        issueDate.ifPresent(fields::add);
        fields.addAll(List.of(dueDate, balance, total));
        currency.ifPresent(fields::add);
        status.ifPresent(fields::add);
        fields.add(modstamp);
        return List.copyOf(fields);
    }
}
