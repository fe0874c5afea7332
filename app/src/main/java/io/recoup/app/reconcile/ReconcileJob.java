package io.recoup.app.reconcile;

import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.core.port.LedgerBatch;
import io.recoup.routes.receive.StatementReceipts;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtStatement;
import io.recoup.sepa.camt.CamtSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reconcile --items ledger.csv --statement a.xml [--statement b.xml ...] --out DIR}: reads the ledger CSV and
 * the statements, runs {@link OfflineReconciliation} and writes {@code allocations.csv} and {@code exceptions.csv}
 * into DIR. Ledger rows that cannot be read and statement problems are printed with their line; the statements'
 * credits and returns are all accounted for in the two files.
 */
public final class ReconcileJob {
    private final PrintStream out;

    public ReconcileJob(PrintStream out) {
        this.out = out;
    }

    /** Runs the job; returns the process exit code (0 done, 1 an input could not be read). */
    public int run(ReconcileOptions options) {
        LedgerBatch ledger;
        try (InputStream in = Files.newInputStream(options.items())) {
            ledger = new CsvOpenItemSource(options.source(), ZoneId.of("UTC")).read(options.items().getFileName().toString(), in);
        } catch (IOException e) {
            out.println("reconcile: cannot read " + options.items() + ": " + e.getMessage());
            return 1;
        }
        ledger.rejections().forEach(r -> out.println("ledger row not used: " + r));
        List<StatementReceipts.Received> credits = new ArrayList<>();
        List<StatementReceipts.Returned> returns = new ArrayList<>();
        CamtReader reader = new CamtReader();
        for (Path statement : options.statements()) {
            try (InputStream in = Files.newInputStream(statement)) {
                CamtSummary summary = reader.read(in, statement.getFileName().toString(), new CamtHandler() {
                    @Override
                    public void onStatement(CamtStatement header) {
                        // entries carry their statement
                    }

                    @Override
                    public void onEntry(CamtStatement header, CamtEntry entry) {
                        credits.addAll(StatementReceipts.received(header, entry));
                        returns.addAll(StatementReceipts.returned(header, entry));
                    }
                });
                summary.problems().forEach(p -> out.println("statement problem: " + p));
            } catch (IOException e) {
                out.println("reconcile: cannot read " + statement + ": " + e.getMessage());
                return 1;
            }
        }
        OfflineReconciliation.Outcome outcome = OfflineReconciliation.run(ledger.records(), credits, returns);
        try {
            ReconcileFiles.write(options.out(), outcome);
        } catch (UncheckedIOException e) {
            out.println("reconcile: cannot write into " + options.out() + ": " + e.getMessage());
            return 1;
        }
        long allocatedCredits = outcome.allocations().stream().filter(a -> a.amount().isPositive())
                .map(a -> a.entryRef() + "/" + a.txIndex()).distinct().count();
        out.printf("reconcile: %d open item(s), %d credit(s), %d return(s); %d credit(s) allocated, %d allocation line(s), "
                        + "%d exception line(s); files in %s%n", ledger.records().size(), outcome.credits(), outcome.returns(),
                allocatedCredits, outcome.allocations().size(), outcome.exceptions().size(), options.out());
        return 0;
    }
}
