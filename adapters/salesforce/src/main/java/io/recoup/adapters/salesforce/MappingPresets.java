package io.recoup.adapters.salesforce;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.SourceSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three starting points of a Salesforce mapping: {@code billing} (Salesforce Billing's {@code blng__Invoice__c},
 * payments as {@code blng__Payment__c} allocated by {@code blng__PaymentAllocationInvoice__c}), {@code invoice} (the
 * standard {@code Invoice} object with {@code Payment} and {@code PaymentLineInvoice}) and {@code custom} (every field
 * from the settings). The source's {@code mapping} block is laid over the preset key by key, so one field can be
 * pointed elsewhere without repeating the rest. The external id fields ({@code Recoup_Document_Number__c}) are custom
 * fields the org's admin adds, marked External ID and Unique.
 */
final class MappingPresets {
    static final String EXTERNAL_ID = "Recoup_Document_Number__c";

    private MappingPresets() {}

    static ObjectMapping from(SourceSettings source) {
        Map<String, Object> block = source.block("mapping");
        String preset = String.valueOf(block.getOrDefault("preset", "billing")).strip();
        Map<String, Object> merged = merge(preset(source, preset), block);
        SourceSettings settings = new SourceSettings(source.name(), Map.of("mapping", merged));
        return new ObjectMapping(settings.required("mapping.object"), settings.required("mapping.id"),
                settings.required("mapping.number"), settings.required("mapping.customer-id"),
                settings.required("mapping.customer-name"), settings.optional("mapping.email"),
                settings.optional("mapping.phone"), settings.optional("mapping.language"),
                settings.optional("mapping.time-zone"), settings.optional("mapping.segment"),
                settings.optional("mapping.ibans"),
                settings.optional("mapping.issue-date"), settings.required("mapping.due-date"),
                settings.required("mapping.balance"), settings.required("mapping.total"),
                settings.optional("mapping.currency"), settings.optional("mapping.status"),
                openStatuses(settings, merged), settings.required("mapping.modstamp"),
                settings.optional("mapping.filter"), payment(settings));
    }

    private static PaymentMapping payment(SourceSettings s) {
        Optional<PaymentMapping.Allocation> allocation = s.optional("mapping.payment.allocation.object")
                .map(object -> new PaymentMapping.Allocation(object,
                        s.required("mapping.payment.allocation.external-id-field"),
                        s.required("mapping.payment.allocation.payment-relationship"),
                        s.required("mapping.payment.allocation.invoice"),
                        s.required("mapping.payment.allocation.amount"),
                        strings(s, "mapping.payment.allocation.fixed"),
                        strings(s, "mapping.payment.allocation.reversal-fixed")));
        return new PaymentMapping(s.required("mapping.payment.object"),
                s.required("mapping.payment.external-id-field"), s.required("mapping.payment.amount"),
                s.optional("mapping.payment.date"), s.optional("mapping.payment.reference"),
                s.optional("mapping.payment.invoice"), s.optional("mapping.payment.account"),
                strings(s, "mapping.payment.fixed"), allocation);
    }

    private static List<String> openStatuses(SourceSettings s, Map<String, Object> merged) {
        Object value = merged.get("open-statuses");
        List<String> statuses = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> statuses.add(String.valueOf(v).strip()));
        } else if (value != null) {
            Arrays.stream(value.toString().split(",")).map(String::strip).forEach(statuses::add);
        }
        statuses.removeIf(String::isEmpty);
        if (s.optional("mapping.status").isPresent() && statuses.isEmpty()) {
            throw invalid(s.name(), "mapping.open-statuses", "needs at least one status when mapping.status is set");
        }
        return statuses;
    }

    private static Map<String, String> strings(SourceSettings s, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        s.block(key).forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new HashMap<>(base);
        over.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> under) {
                merged.put(key, merge((Map<String, Object>) under, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Map<String, Object> preset(SourceSettings source, String preset) {
        return switch (preset) {
            case "billing" -> billing();
            case "invoice" -> standardInvoice();
            case "custom" -> Map.of("id", "Id", "modstamp", "SystemModstamp");
            default -> throw invalid(source.name(), "mapping.preset", "is not one of billing, invoice, custom: " + preset);
        };
    }

    private static Map<String, Object> billing() {
        Map<String, Object> m = new HashMap<>();
        m.putAll(Map.of("object", "blng__Invoice__c", "id", "Id", "number", "Name",
                "customer-id", "blng__Account__c", "customer-name", "blng__Account__r.Name",
                "email", "blng__BillToContact__r.Email", "phone", "blng__BillToContact__r.Phone",
                "issue-date", "blng__InvoiceDate__c", "due-date", "blng__DueDate__c"));
        m.putAll(Map.of("balance", "blng__Balance__c", "total", "blng__TotalAmount__c", "currency", "CurrencyIsoCode",
                "status", "blng__InvoiceStatus__c", "open-statuses", List.of("Posted"), "modstamp", "SystemModstamp"));
        m.put("payment", Map.of("object", "blng__Payment__c", "external-id-field", EXTERNAL_ID,
                "amount", "blng__Amount__c", "date", "blng__PaymentDate__c", "invoice", "blng__Invoice__c",
                "account", "blng__Account__c", "fixed", Map.of("blng__Status__c", "Posted"),
                "allocation", Map.of("object", "blng__PaymentAllocationInvoice__c", "external-id-field", EXTERNAL_ID,
                        "payment-relationship", "blng__Payment__r", "invoice", "blng__Invoice__c",
                        "amount", "blng__Amount__c", "fixed", Map.of("blng__Type__c", "Allocation"),
                        "reversal-fixed", Map.of("blng__Type__c", "Unallocation"))));
        return m;
    }

    private static Map<String, Object> standardInvoice() {
        Map<String, Object> m = new HashMap<>();
        m.putAll(Map.of("object", "Invoice", "id", "Id", "number", "DocumentNumber",
                "customer-id", "BillingAccountId", "customer-name", "BillingAccount.Name",
                "email", "BillToContact.Email", "phone", "BillToContact.Phone",
                "issue-date", "InvoiceDate", "due-date", "DueDate"));
        m.putAll(Map.of("balance", "Balance", "total", "TotalAmountWithTax", "currency", "CurrencyIsoCode",
                "status", "Status", "open-statuses", List.of("Posted"), "modstamp", "SystemModstamp"));
        m.put("payment", Map.of("object", "Payment", "external-id-field", EXTERNAL_ID,
                "amount", "Amount", "date", "Date", "account", "AccountId", "reference", "Comments",
                "fixed", Map.of("ProcessingMode", "External", "Status", "Processed", "Type", "Capture"),
                "allocation", Map.of("object", "PaymentLineInvoice", "external-id-field", EXTERNAL_ID,
                        "payment-relationship", "Payment", "invoice", "InvoiceId", "amount", "Amount",
                        "fixed", Map.of("Type", "Applied"), "reversal-fixed", Map.of("Type", "Unapplied"))));
        return m;
    }

    static RecoupException invalid(String source, String key, String problem) {
        return new RecoupException(ErrorCode.INVALID_SOURCE, "source " + source + ": setting " + key + " " + problem);
    }
}
