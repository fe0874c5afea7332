package io.recoup.adapters.csv;

import io.recoup.core.RecoupException;
import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.port.FileRefused;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a ledger export in Recoup's CSV layout (UTF-8, with or without a byte order mark, a header row, one record per
 * line, comma separated with '.' decimals or semicolon separated with ',' decimals; see the README for the columns).
 * Every line after the header is a row read, and each row is either loaded or rejected with its line, column and
 * reason: a broken quote costs its own line only. The whole file is refused ({@link FileRefused}) when it is empty,
 * not UTF-8, or its header lacks a required column or names one twice, since no record of it can then be read safely.
 */
public final class CsvOpenItemSource implements OpenItemSource {
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
        Lines lines = new Lines(export);
        try (lines) {
            String first = lines.nextNonBlank();
            if (first == null) {
                throw new FileRefused(origin, -1, "empty file: there is not even a header row");
            }
            LedgerHeader header = LedgerHeader.parse(origin, lines.number(), first);
            return readRows(origin, lines, header);
        } catch (CharacterCodingException e) {
            throw new FileRefused(origin, -1, "the file is not UTF-8 text (bytes at or after line " + (lines.number() + 1)
                    + " are not valid UTF-8); save it as 'CSV UTF-8'");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ledger export " + origin, e);
        }
    }

    private LedgerBatch readRows(String origin, Lines lines, LedgerHeader header) throws IOException {
        CsvLine splitter = new CsvLine(header.delimiter());
        List<LedgerBatch.Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> firstLineOf = new HashMap<>();
        int read = 0;
        int empty = 0;
        for (String next = lines.nextNonBlank(); next != null; next = lines.nextNonBlank()) {
            String text = next;
            long line = lines.number();
            List<String> values;
            try {
                values = splitter.split(text);
            } catch (CsvLine.Malformed e) {
                read++;
                rejections.add(new Rejection(origin, line, null, e.getMessage(), text));
                continue;
            }
            if (values.stream().allMatch(String::isEmpty)) {
                empty++; // a spreadsheet's formatted but empty row: nothing in it to load or to lose
                continue;
            }
            read++;
            if (values.size() != header.width()) {
                rejections.add(new Rejection(origin, line, null, "the row has " + values.size() + " values where the header"
                        + " has " + header.width() + " columns (a separator inside an unquoted value?)", text));
                continue;
            }
            RowReader row = new RowReader(origin, line, text, values, header);
            recordOf(row, line, firstLineOf).ifPresentOrElse(r -> rows.add(new LedgerBatch.Row(line, text, r)),
                    () -> rejections.addAll(row.rejections()));
        }
        List<String> warnings = new ArrayList<>(header.warnings());
        if (empty > 0) {
            warnings.add(empty + " row(s) holding only separators were skipped");
        }
        return new LedgerBatch(origin, read, rows, rejections, warnings);
    }

    private Optional<LedgerRecord> recordOf(RowReader r, long line, Map<String, Long> firstLineOf) {
        String invoiceId = r.required("invoice_id");
        String number = r.required("invoice_number");
        String customerId = r.required("customer_id");
        String customerName = r.required("customer_name");
        LocalDate issue = r.date("issue_date");
        LocalDate due = r.date("due_date");
        Currency currency = r.currency("currency");
        Money amount = r.money("amount", r.required("amount"), currency);
        String openText = r.optional("open_amount");
        Money open = openText == null ? amount : r.money("open_amount", openText, currency);
        String language = r.optional("language");
        ZoneId zone = r.zone("time_zone", defaultTimeZone);
        List<String> ibans = r.ibans("customer_iban");
        if (invoiceId != null) {
            Long first = firstLineOf.putIfAbsent(invoiceId, line);
            if (first != null) {
                r.reject("invoice_id", "invoice_id '" + invoiceId + "' appears twice in this file (first on line " + first + ")");
            }
        }
        if (r.failed()) {
            return Optional.empty();
        }
        try {
            CustomerKey customerKey = new CustomerKey(sourceName, customerId);
            Customer customer = new Customer(customerKey, customerName, Optional.ofNullable(r.optional("email")),
                    Optional.ofNullable(r.optional("phone")),
                    language == null ? Locale.ENGLISH : Locale.forLanguageTag(language), zone, r.optional("segment"), ibans);
            OpenItem item = new OpenItem(new OpenItemKey(sourceName, invoiceId), customerKey, number, issue, due, amount, open);
            return Optional.of(new LedgerRecord(customer, item));
        } catch (RecoupException e) {
            String message = e.getMessage();
            r.reject(message.contains("field ") ? message.replaceAll(".*field ([a-z_]+):.*", "$1") : null, message);
            return Optional.empty();
        }
    }

    /**
     * The physical lines of the export, decoded strictly as UTF-8 (a byte that is not UTF-8 is an error, never a
     * silent replacement character), a byte order mark dropped, blank lines skipped, and the current line's number.
     */
    private static final class Lines implements AutoCloseable {
        private final BufferedReader reader;
        private long number;

        Lines(InputStream in) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }

        String nextNonBlank() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // Excel's "CSV UTF-8" starts with a byte order mark
                }
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        long number() {
            return number;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
