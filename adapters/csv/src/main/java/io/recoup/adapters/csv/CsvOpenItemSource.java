package io.recoup.adapters.csv;

import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemSource;
import io.recoup.sepa.Iban;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a ledger export in Recoup's CSV layout (UTF-8, header row, comma separated; see the README for the columns).
 * Each bad record becomes a {@link Rejection} naming the line, column and reason; the rest of the file is read. A file
 * whose header lacks a required column is rejected whole, since no record of it can be read safely.
 */
public final class CsvOpenItemSource implements OpenItemSource {
    static final List<String> REQUIRED = List.of("invoice_id", "invoice_number", "customer_id", "customer_name",
            "issue_date", "due_date", "currency", "amount");

    private final String sourceName;
    private final ZoneId defaultTimeZone;

    public CsvOpenItemSource(String sourceName, ZoneId defaultTimeZone) {
        this.sourceName = sourceName;
        this.defaultTimeZone = defaultTimeZone;
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public LedgerBatch read(String origin, InputStream export) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<LedgerRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(export, StandardCharsets.UTF_8))
                .setFormat(format).get()) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                for (String column : missing) {
                    rejections.add(new Rejection(origin, 1, column, "required column '" + column + "' is missing from the header",
                            String.join(",", parser.getHeaderNames())));
                }
                return new LedgerBatch(origin, records, rejections);
            }
            Map<String, Long> firstLineOf = new HashMap<>();
            for (CSVRecord row : parser) {
                readRow(origin, row, firstLineOf, rejections).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ledger export " + origin, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports a broken quote or an unreadable line this way; what was read so far is kept
            rejections.add(new Rejection(origin, -1, null, "the file cannot be read past this point: " + e.getMessage(), ""));
        }
        return new LedgerBatch(origin, records, rejections);
    }

    private Optional<LedgerRecord> readRow(String origin, CSVRecord row, Map<String, Long> firstLineOf,
                                           List<Rejection> rejections) {
        long line = row.getParser().getCurrentLineNumber();
        RowReader r = new RowReader(origin, line, row);
        String invoiceId = r.text("invoice_id", true);
        String number = r.text("invoice_number", true);
        String customerId = r.text("customer_id", true);
        String customerName = r.text("customer_name", true);
        LocalDate issue = r.date("issue_date");
        LocalDate due = r.date("due_date");
        Currency currency = r.currency("currency");
        Money amount = r.money("amount", currency);
        Money open = r.has("open_amount") && !r.text("open_amount", false).isEmpty() ? r.money("open_amount", currency) : amount;
        Locale language = r.has("language") && !r.text("language", false).isEmpty()
                ? Locale.forLanguageTag(r.text("language", false)) : Locale.ENGLISH;
        ZoneId zone = r.zone("time_zone", defaultTimeZone);
        List<String> ibans = r.ibans("customer_iban");
        if (invoiceId != null && !invoiceId.isEmpty()) {
            Long first = firstLineOf.putIfAbsent(invoiceId, line);
            if (first != null) {
                r.reject("invoice_id", "invoice_id '" + invoiceId + "' appears twice in this file (first on line " + first + ")");
            }
        }
        if (r.failed()) {
            rejections.addAll(r.rejections());
            return Optional.empty();
        }
        try {
            CustomerKey customerKey = new CustomerKey(sourceName, customerId);
            Customer customer = new Customer(customerKey, customerName, Optional.ofNullable(r.text("email", false)),
                    Optional.ofNullable(r.text("phone", false)), language, zone, r.text("segment", false), ibans);
            OpenItem item = new OpenItem(new OpenItemKey(sourceName, invoiceId), customerKey, number, issue, due, amount, open);
            return Optional.of(new LedgerRecord(customer, item));
        } catch (RecoupException e) {
            String message = e.getMessage();
            String column = message.contains("field ") ? message.replaceAll(".*field ([a-z_]+):.*", "$1") : null;
            rejections.add(new Rejection(origin, line, column, message, r.raw()));
            return Optional.empty();
        }
    }

    /** Reads the fields of one row, recording a rejection for each bad one instead of stopping at the first. */
    private static final class RowReader {
        private final String origin;
        private final long line;
        private final CSVRecord row;
        private final List<Rejection> rejections = new ArrayList<>();

        RowReader(String origin, long line, CSVRecord row) {
            this.origin = origin;
            this.line = line;
            this.row = row;
        }

        boolean has(String column) {
            return row.isMapped(column) && row.isSet(column);
        }

        String text(String column, boolean required) {
            String value = has(column) ? row.get(column) : null;
            if (required && (value == null || value.isEmpty())) {
                reject(column, "required value is empty");
                return null;
            }
            return value;
        }

        LocalDate date(String column) {
            String value = text(column, true);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                reject(column, "'" + value + "' is not a date (expected YYYY-MM-DD)");
                return null;
            }
        }

        Currency currency(String column) {
            String value = text(column, true);
            if (value == null) {
                return null;
            }
            try {
                return Money.currencyOf(value);
            } catch (RecoupException e) {
                reject(column, e.getMessage());
                return null;
            }
        }

        Money money(String column, Currency currency) {
            String value = text(column, true);
            if (value == null || currency == null) {
                return null;
            }
            try {
                return Money.of(Money.parseAmount(value), currency);
            } catch (RecoupException e) {
                reject(column, e.getMessage());
                return null;
            }
        }

        /** Several IBANs separated by {@code ;}, each checked (ISO 13616); none when the column is empty or absent. */
        List<String> ibans(String column) {
            String value = text(column, false);
            List<String> ibans = new ArrayList<>();
            if (value == null || value.isBlank()) {
                return ibans;
            }
            for (String written : value.split(";")) {
                if (written.isBlank()) {
                    continue;
                }
                if (Iban.isValid(written)) {
                    ibans.add(Iban.parse(written).value());
                } else {
                    reject(column, "'" + written.strip() + "' is not a valid IBAN");
                }
            }
            return ibans;
        }

        ZoneId zone(String column, ZoneId fallback) {
            String value = text(column, false);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                reject(column, "'" + value + "' is not a time zone (expected e.g. Europe/Berlin)");
                return fallback;
            }
        }

        void reject(String column, String reason) {
            rejections.add(new Rejection(origin, line, column, reason, raw()));
        }

        String raw() {
            return String.join(",", row.values());
        }

        boolean failed() {
            return !rejections.isEmpty();
        }

        List<Rejection> rejections() {
            return rejections;
        }
    }
}
