package io.recoup.app.reconcile;

import io.recoup.core.text.SpreadsheetSafe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a reconcile run as {@code allocations.csv} ({@code entry_ref,tx_index,invoice_number,amount,currency,rule,
 * evidence}) and {@code exceptions.csv} ({@code entry_ref,tx_index,amount,currency,reason,candidates}; candidates
 * separated by {@code |}). Text that a spreadsheet would take for a formula is written with a leading apostrophe.
 */
final class ReconcileFiles {
    private ReconcileFiles() {
    }

    static void write(Path folder, OfflineReconciliation.Outcome outcome) {
        try {
            Files.createDirectories(folder);
            try (Writer w = Files.newBufferedWriter(folder.resolve("allocations.csv"), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("entry_ref", "tx_index",
                         "invoice_number", "amount", "currency", "rule", "evidence").get())) {
                for (OfflineReconciliation.AllocationRow a : outcome.allocations()) {
                    csv.printRecord(safe(a.entryRef()), a.txIndex(), safe(a.invoiceNumber()), a.amount().amount().toPlainString(),
                            a.amount().currencyCode(), safe(a.rule()), safe(a.evidence()));
                }
            }
            try (Writer w = Files.newBufferedWriter(folder.resolve("exceptions.csv"), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("entry_ref", "tx_index", "amount",
                         "currency", "reason", "candidates").get())) {
                for (OfflineReconciliation.ExceptionRow e : outcome.exceptions()) {
                    csv.printRecord(safe(e.entryRef()), e.txIndex(), e.amount().amount().toPlainString(), e.amount().currencyCode(),
                            safe(e.reason()), safe(String.join("|", e.candidates())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reconcile files into " + folder, e);
        }
    }

    private static String safe(String text) {
        return SpreadsheetSafe.cell(text);
    }
}
