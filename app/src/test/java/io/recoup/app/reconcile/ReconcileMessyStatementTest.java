package io.recoup.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cash application on the messy data set ({@link MessyStatementGenerator}): the reconcile job must never allocate a
 * cent wrongly (precision 1.0: every receipt it allocates, it allocates exactly as the ground truth says) and must
 * allocate at least 95% of what a person would match. Prints the table per case kind.
 */
class ReconcileMessyStatementTest {
    private static final Path DATA = Path.of("src/test/resources/reconcile/messy");

    @TempDir
    Path temp;

    @Test
    void theGeneratorStillWritesTheCommittedDataSet() throws IOException {
        MessyStatementGenerator.generate(temp);
        for (String file : List.of("ledger.csv", "statement.xml", "truth.csv")) {
            assertThat(Files.readString(temp.resolve(file))).as(file).isEqualTo(Files.readString(DATA.resolve(file)));
        }
    }

    @Test
    void allocatesNothingWronglyAndAtLeast95PercentOfWhatAPersonWouldMatch() throws IOException {
        Path out = temp.resolve("out");
        int code = new ReconcileJob(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(new ReconcileOptions(
                DATA.resolve("ledger.csv"), List.of(DATA.resolve("statement.xml")), out, "csv"));
        assertThat(code).isZero();

        Map<String, List<String>> allocated = new TreeMap<>();
        for (CSVRecord r : csv(out.resolve("allocations.csv"))) {
            allocated.computeIfAbsent(r.get("entry_ref") + "/" + r.get("tx_index"), k -> new ArrayList<>())
                    .add(r.get("invoice_number") + ":" + r.get("amount"));
        }
        Map<String, int[]> table = new TreeMap<>(); // kind -> receipts, matchable, right, wrong, left to a person
        List<String> wrong = new ArrayList<>();
        for (CSVRecord t : csv(DATA.resolve("truth.csv"))) {
            String key = t.get("entry_ref") + "/" + t.get("tx_index");
            boolean matchable = Boolean.parseBoolean(t.get("matchable"));
            List<String> got = allocated.getOrDefault(key, List.of()).stream().sorted().toList();
            List<String> expected = matchable ? Stream.of(t.get("expected").split("\\|")).sorted().toList() : List.of();
            int[] row = table.computeIfAbsent(t.get("kind"), k -> new int[5]);
            row[0]++;
            row[1] += matchable ? 1 : 0;
            if (got.isEmpty()) {
                row[4]++;
            } else if (got.equals(expected)) {
                row[2]++;
            } else {
                row[3]++;
                wrong.add(key + " " + t.get("kind") + ": expected " + expected + ", allocated " + got);
            }
        }
        int[] all = new int[5];
        StringBuilder printed = new StringBuilder("%-42s %8s %9s %6s %6s %7s%n".formatted("case kind", "receipts", "matchable",
                "right", "wrong", "person"));
        table.forEach((kind, row) -> {
            printed.append("%-42s %8d %9d %6d %6d %7d%n".formatted(kind, row[0], row[1], row[2], row[3], row[4]));
            for (int k = 0; k < 5; k++) {
                all[k] += row[k];
            }
        });
        double precision = all[2] + all[3] == 0 ? 0 : (double) all[2] / (all[2] + all[3]);
        double share = (double) all[2] / all[1];
        printed.append("%-42s %8d %9d %6d %6d %7d%nprecision %.4f, automatic share of what a person would match %.4f%n"
                .formatted("all", all[0], all[1], all[2], all[3], all[4], precision, share));
        System.out.print(printed);

        assertThat(wrong).as("wrong allocations").isEmpty();
        assertThat(precision).isEqualTo(1.0);
        assertThat(share).isGreaterThanOrEqualTo(0.95);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)).getRecords();
    }
}
