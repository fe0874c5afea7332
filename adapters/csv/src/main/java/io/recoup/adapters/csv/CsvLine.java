package io.recoup.adapters.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one physical line of a ledger export into its values. A ledger record never spans lines here: a quote that
 * is not closed on its own line costs that line only, and the next line is read as a record of its own, instead of
 * the parser swallowing the rest of the file into one value.
 */
final class CsvLine {
    private final CSVFormat format;

    CsvLine(char delimiter) {
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setTrim(true).get();
    }

    /** The values of {@code line}; throws {@link Malformed} with the reason when the quoting is broken. */
    List<String> split(String line) throws Malformed {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of("");
            }
            return records.next().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a quote left open at the end of the line, or text after a closing quote, this way
            throw new Malformed("the quoting is broken (a quoted value must be closed on the same line, and nothing but"
                    + " the separator may follow its closing quote)");
        }
    }

    /** A line whose quoting cannot be read; the reason says what is wrong in words a finance user can act on. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason);
        }
    }
}
