package io.recoup.adapters.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@code salesInvoice} (with its expanded {@code customer}) into what the feed reports: an open item with
 * its customer, an item the source closed (status Paid, Canceled or Corrective, or nothing left to pay), or a refusal
 * naming the field and the reason. Keys carry the company ({@code <companyId>/<invoiceId>}) because one source may
 * span several companies of a tenant; ids are Business Central's SystemIds, which survive renumbering.
 *
 * <p>A customer blocked for invoicing or for everything ({@code Invoice}, {@code All}) still has its items loaded (the
 * debt stands) but is put into the configured blocked segment, so a collection policy can treat it apart; a customer
 * blocked for shipping only is collected as usual.
 */
final class InvoiceMapper {
    static final Set<String> CLOSED_STATUSES = Set.of("Paid", "Canceled", "Corrective");
    private static final Set<String> BLOCKED_FOR_COLLECTION = Set.of("Invoice", "All");

    /** What one record became. */
    sealed interface Outcome {}

    record Open(LedgerRecord record, boolean blocked) implements Outcome {}

    record Closed(OpenItemKey key, String reason) implements Outcome {}

    record Refused(Optional<OpenItemKey> key, String field, String reason) implements Outcome {}

    private final BcSettings settings;
    private final BcMapping mapping;

    InvoiceMapper(BcSettings settings) {
        this.settings = settings;
        this.mapping = settings.mapping();
    }

    Outcome map(String companyId, JsonNode invoice) {
        String id = invoice.path("id").asText("");
        if (id.isBlank()) {
            return new Refused(Optional.empty(), "id", "the invoice has no id");
        }
        OpenItemKey key = new OpenItemKey(settings.source(), companyId + "/" + id);
        String status = invoice.path("status").asText("");
        if (CLOSED_STATUSES.contains(status)) {
            return new Closed(key, "status " + status);
        }
        if (!"Open".equals(status)) {
            return new Refused(Optional.of(key), "status", "is '" + status + "', not an open or closed invoice");
        }
        try {
            Currency currency = currency(invoice);
            Money open = money(invoice, mapping.openAmount(), currency);
            if (open.isZero()) {
                return new Closed(key, "remainingAmount 0");
            }
            Customer customer = customer(companyId, invoice);
            OpenItem item = new OpenItem(key, customer.key(), text(invoice, mapping.number()),
                    date(invoice, mapping.issueDate()), date(invoice, mapping.dueDate()),
                    money(invoice, mapping.originalAmount(), currency), open);
            boolean blocked = BLOCKED_FOR_COLLECTION.contains(invoice.path("customer").path("blocked").asText(""));
            return new Open(new LedgerRecord(customer, item), blocked);
        } catch (FieldProblem e) {
            return new Refused(Optional.of(key), e.field, e.getMessage());
        } catch (RecoupException e) {
            return new Refused(Optional.of(key), "invoice", e.getMessage());
        }
    }

    private Customer customer(String companyId, JsonNode invoice) {
        JsonNode customer = invoice.path("customer");
        if (!customer.isObject()) {
            throw new FieldProblem("customer", "the invoice carries no customer (customerNumber "
                    + invoice.path("customerNumber").asText("") + ")");
        }
        String id = text(customer, "id");
        Locale language = mapping.customerLanguage().map(field -> customer.path(field).asText(""))
                .filter(tag -> !tag.isBlank()).map(Locale::forLanguageTag).orElse(settings.defaultLanguage());
        String segment = BLOCKED_FOR_COLLECTION.contains(customer.path("blocked").asText(""))
                ? settings.blockedSegment() : settings.defaultSegment();
        return new Customer(new CustomerKey(settings.source(), companyId + "/" + id),
                prefixed("customer.", () -> text(customer, mapping.customerName())),
                optional(customer, mapping.customerEmail()).or(() -> optional(invoice, "email")),
                optional(customer, mapping.customerPhone()).or(() -> optional(invoice, "phoneNumber")),
                language, settings.defaultTimeZone(), segment);
    }

    private Currency currency(JsonNode invoice) {
        String code = invoice.path(mapping.currency()).asText("").strip();
        try {
            return Money.currencyOf(code.isEmpty() ? settings.localCurrency() : code);
        } catch (RecoupException e) {
            throw new FieldProblem(mapping.currency(), "'" + code + "' is not an ISO 4217 currency");
        }
    }

    private static Money money(JsonNode node, String field, Currency currency) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new FieldProblem(field, "is not a number: " + value);
        }
        BigDecimal amount = value.decimalValue();
        try {
            return Money.of(amount, currency);
        } catch (RecoupException e) {
            throw new FieldProblem(field, e.getMessage());
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() <= 1) {
                throw new FieldProblem(field, "is blank (" + text + ")");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new FieldProblem(field, "is not a date: " + text);
        }
    }

    private static String text(JsonNode node, String field) {
        return optional(node, field).orElseThrow(() -> new FieldProblem(field, "is missing or blank"));
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static String prefixed(String prefix, java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (FieldProblem e) {
            throw new FieldProblem(prefix + e.field, e.getMessage());
        }
    }

    /** A field that cannot be read, named as Business Central names it. */
    private static final class FieldProblem extends RuntimeException {
        private final String field;

        FieldProblem(String field, String reason) {
            super(field + " " + reason, null, false, false);
            this.field = field;
        }
    }
}
