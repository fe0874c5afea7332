package io.recoup.adapters.csv;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import io.recoup.core.text.SpreadsheetSafe;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Posts payments back to a CSV ledger by writing one {@code payments-*.csv} file per batch into a folder the ERP
 * imports from. A file appears whole or not at all (written aside, then moved atomically), and the document numbers
 * already present in the folder are what {@link #alreadyPosted} reports, so a batch whose outcome was unclear is never
 * written twice. Text cells are written {@linkplain SpreadsheetSafe#cell neutralised}, so an invoice number or a
 * payment reference cannot become a formula in the spreadsheet of whoever opens the file.
 */
public final class CsvLedgerPoster implements LedgerPoster {
    static final String[] HEADER = {"document_number", "invoice_id", "invoice_number", "amount", "currency",
            "payment_date", "payment_reference"};

    private final Path folder;

    public CsvLedgerPoster(Path folder) {
        this.folder = folder;
    }

    @Override
    public Set<String> alreadyPosted(Set<String> documentNumbers) {
        Set<String> found = new HashSet<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        // the file holds each number as written, so look for the written form and report the numbers asked for
        Map<String, List<String>> asWritten = documentNumbers.stream()
                .collect(Collectors.groupingBy(SpreadsheetSafe::cell));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "payments-*.csv")) {
            for (Path file : files) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser parser = CSVParser.builder().setReader(reader)
                             .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
                    for (CSVRecord row : parser) {
                        found.addAll(asWritten.getOrDefault(row.get("document_number"), List.of()));
                    }
                }
            }
        } catch (IOException e) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "cannot read posted payments in " + folder, e);
        }
        return found;
    }

    @Override
    public String post(List<LedgerPosting> postings) {
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("nothing to post");
        }
        String name = "payments-" + postings.get(0).paymentDate() + "-" + postings.get(0).documentNumber() + ".csv";
        try {
            Files.createDirectories(folder);
            Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                for (LedgerPosting p : postings) {
                    printer.printRecord(SpreadsheetSafe.cell(p.documentNumber()),
                            SpreadsheetSafe.cell(p.item().externalId()), SpreadsheetSafe.cell(p.invoiceNumber()),
                            p.amount().amount().toPlainString(), p.amount().currencyCode(), p.paymentDate(),
                            SpreadsheetSafe.cell(p.paymentReference()));
                }
            }
            moveAtomically(temp, folder.resolve(name));
            return name;
        } catch (IOException e) {
            throw new RecoupException(ErrorCode.LEDGER_POSTING_FAILURE, "cannot write " + name + " into " + folder, e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
