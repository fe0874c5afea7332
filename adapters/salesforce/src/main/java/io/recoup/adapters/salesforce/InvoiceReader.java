package io.recoup.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.sepa.Iban;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one record of a query into what Recoup makes of it: an open item with its customer, an item the org no longer
 * has open (deleted, a status outside the open ones, nothing left to pay), or a refusal naming the mapped field and the
 * reason. Nothing is guessed: a record without a due date, a customer name or a currency is refused, not filled in.
 */
final class InvoiceReader {
    /** What one record turned out to be. */
    sealed interface Outcome permits Open, Closed, Refused {}

    record Open(LedgerRecord record) implements Outcome {}

    record Closed(OpenItemKey key, String reason) implements Outcome {}

    /** {@code key} is empty when the record's id itself could not be read. */
    record Refused(Optional<OpenItemKey> key, String field, String reason) implements Outcome {}

    // Salesforce writes datetimes as 2026-11-22T10:00:00.000+0000
    private static final DateTimeFormatter SALESFORCE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final SalesforceConfig config;
    private final ObjectMapping m;

    InvoiceReader(SalesforceConfig config) {
        this.config = config;
        this.m = config.mapping();
    }

    Outcome read(JsonNode record) {
        Optional<String> id = text(record, m.id());
        if (id.isEmpty()) {
            return new Refused(Optional.empty(), m.id(), "the record has no id");
        }
        OpenItemKey key = new OpenItemKey(config.source(), id.get());
        try {
            return read(record, key);
        } catch (Unmappable e) {
            return new Refused(Optional.of(key), e.field, e.getMessage());
        } catch (RecoupException e) {
            // the open item's own invariants: name the mapped field the broken one came from
            String field = e.getMessage().contains("due_date") ? m.dueDate()
                    : e.getMessage().contains("name") ? m.customerName() : m.balance();
            return new Refused(Optional.of(key), field, e.getMessage());
        }
    }

    private Outcome read(JsonNode record, OpenItemKey key) {
        if (record.path("IsDeleted").asBoolean(false)) {
            return new Closed(key, "deleted in Salesforce");
        }
        Optional<String> status = m.status().flatMap(field -> text(record, field));
        if (m.status().isPresent() && (status.isEmpty() || !m.openStatuses().contains(status.get()))) {
            return new Closed(key, m.status().get() + " is " + status.orElse("empty"));
        }
        Currency currency = currency(record);
        Money balance = money(record, m.balance(), currency);
        if (balance.compareTo(Money.zero(currency)) <= 0) {
            return new Closed(key, m.balance() + " is " + balance.amount().toPlainString());
        }
        Money total = money(record, m.total(), currency);
        LocalDate due = date(record, m.dueDate());
        LocalDate issued = m.issueDate().isPresent() ? date(record, m.issueDate().get()) : due;
        CustomerKey customerKey = new CustomerKey(config.source(), required(record, m.customerId()));
        Customer customer = new Customer(customerKey, required(record, m.customerName()),
                m.email().flatMap(f -> text(record, f)), m.phone().flatMap(f -> text(record, f)), language(record),
                zone(record), m.segment().flatMap(f -> text(record, f)).orElse(null), ibans(record));
        OpenItem item = new OpenItem(key, customerKey, required(record, m.number()), issued, due, total, balance);
        return new Open(new LedgerRecord(customer, item));
    }

    /** The record's change time, for the watermark; empty when absent or unreadable. */
    Optional<Instant> modstamp(JsonNode record) {
        return text(record, m.modstamp()).flatMap(value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value, SALESFORCE_DATE_TIME).toInstant());
            } catch (DateTimeParseException notSalesforceForm) {
                try {
                    return Optional.of(OffsetDateTime.parse(value).toInstant());
                } catch (DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }

    private Currency currency(JsonNode record) {
        Optional<String> code = m.currency().flatMap(f -> text(record, f)).or(config::defaultCurrency);
        String field = m.currency().orElse("default-currency");
        if (code.isEmpty()) {
            throw new Unmappable(field, "no currency on the record and no default-currency set");
        }
        try {
            return Money.currencyOf(code.get());
        } catch (RecoupException e) {
            throw new Unmappable(field, e.getMessage());
        }
    }

    private static Money money(JsonNode record, String field, Currency currency) {
        JsonNode value = at(record, field);
        if (value.isMissingNode() || value.isNull()) {
            throw new Unmappable(field, "is empty");
        }
        if (!value.isNumber()) {
            throw new Unmappable(field, "is not a number: " + value.asText());
        }
        BigDecimal amount = value.decimalValue();
        try {
            return Money.of(amount, currency);
        } catch (RecoupException e) {
            throw new Unmappable(field, e.getMessage());
        }
    }

    private static LocalDate date(JsonNode record, String field) {
        String value = required(record, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unmappable(field, "is not a date (yyyy-mm-dd): " + value);
        }
    }

    private Locale language(JsonNode record) {
        return m.language().flatMap(f -> text(record, f))
                .map(tag -> Locale.forLanguageTag(tag.replace('_', '-')))
                .filter(locale -> !locale.getLanguage().isEmpty())
                .orElse(config.defaultLanguage());
    }

    private ZoneId zone(JsonNode record) {
        Optional<String> zone = m.timeZone().flatMap(f -> text(record, f));
        try {
            return zone.map(ZoneId::of).orElse(config.defaultTimeZone());
        } catch (DateTimeException e) {
            throw new Unmappable(m.timeZone().orElseThrow(), "is not a time zone: " + zone.get());
        }
    }

    /** Several IBANs separated by {@code ;}, each checked (ISO 13616): one that fails refuses the record. */
    private List<String> ibans(JsonNode record) {
        List<String> ibans = new ArrayList<>();
        Optional<String> value = m.ibans().flatMap(f -> text(record, f));
        for (String written : value.map(v -> v.split(";")).orElse(new String[0])) {
            if (written.isBlank()) {
                continue;
            }
            if (!Iban.isValid(written)) {
                throw new Unmappable(m.ibans().get(), "'" + written.strip() + "' is not a valid IBAN");
            }
            ibans.add(Iban.parse(written).value());
        }
        return ibans;
    }

    private static String required(JsonNode record, String field) {
        return text(record, field).orElseThrow(() -> new Unmappable(field, "is empty"));
    }

    /** The text at a field or relationship path ({@code blng__BillToContact__r.Email}); empty when null or blank. */
    static Optional<String> text(JsonNode record, String path) {
        JsonNode value = at(record, path);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    private static JsonNode at(JsonNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** A mapped field that cannot be read; caught in {@link #read(JsonNode)} and turned into a refusal. */
    private static final class Unmappable extends RecoupException {
        private final String field;

        Unmappable(String field, String reason) {
            super(ErrorCode.INVALID_OPEN_ITEM, field + " " + reason);
            this.field = field;
        }
    }
}
