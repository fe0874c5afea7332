package io.recoup.app;

import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.core.RecoupException;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.SimulatedAction;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.core.port.LedgerBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code simulate}: runs a policy over a date range without sending anything and writes one row per action (date,
 * customer, items, step, channel, reason). With {@code --compare} it runs a second policy on the same items and marks
 * each row as in both, only in the first ("removed") or only in the second ("added"): what would change.
 */
final class SimulateJob {
    private final PrintStream out;

    SimulateJob(PrintStream out) {
        this.out = out;
    }

    /** @param stored reads the stored ledger's cases when {@code --stored} is given (starts the database only then) */
    int run(SimulateOptions options, Supplier<List<CustomerCase>> stored) {
        PolicyLoader loader = PolicyLoader.withBundledSchema();
        DunningPolicy policy;
        DunningPolicy other;
        Simulation simulation;
        try {
            policy = loader.load(options.policy().toString(), read(options.policy()));
            other = options.compare().isPresent() ? loader.load(options.compare().get().toString(), read(options.compare().get())) : null;
            simulation = options.stored() ? Simulation.ofCases(stored.get()) : fromCsv(options.items().orElseThrow());
        } catch (RecoupException e) {
            out.println(e.getMessage());
            return 2;
        }
        List<SimulatedAction> plan = simulation.run(policy, options.channels(), options.from(), options.to());
        List<String[]> rows = new ArrayList<>();
        if (other == null) {
            plan.forEach(a -> rows.add(row(null, a)));
        } else {
            rows.addAll(diff(plan, simulation.run(other, options.channels(), options.from(), options.to())));
        }
        write(options.out(), other != null, rows);
        out.printf("simulated %d item(s) with policy %s v%s from %s to %s: %d action(s) written to %s%n", simulation.items(),
                policy.id(), policy.version(), options.from(), options.to(), plan.size(), options.out());
        if (other != null) {
            long added = rows.stream().filter(r -> r[0].equals("added")).count();
            long removed = rows.stream().filter(r -> r[0].equals("removed")).count();
            out.printf("compared with %s v%s: %d action(s) added, %d removed, %d the same%n", other.id(), other.version(),
                    added, removed, rows.size() - added - removed);
        }
        return 0;
    }

    private Simulation fromCsv(Path items) {
        try (InputStream in = Files.newInputStream(items)) {
            LedgerBatch batch = new CsvOpenItemSource("csv", ZoneId.of("Europe/Berlin")).read(items.getFileName().toString(), in);
            for (Rejection r : batch.rejections()) {
                out.println("skipped: " + r);
            }
            return Simulation.ofRecords(batch.records());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + items, e);
        }
    }

    private static List<String[]> diff(List<SimulatedAction> before, List<SimulatedAction> after) {
        Map<String, SimulatedAction> a = index(before);
        Map<String, SimulatedAction> b = index(after);
        List<String[]> rows = new ArrayList<>();
        a.forEach((key, action) -> rows.add(row(b.containsKey(key) ? "same" : "removed", action)));
        b.forEach((key, action) -> {
            if (!a.containsKey(key)) {
                rows.add(row("added", action));
            }
        });
        rows.sort((x, y) -> (x[1] + x[2] + x[3] + x[4]).compareTo(y[1] + y[2] + y[3] + y[4]));
        return rows;
    }

    private static Map<String, SimulatedAction> index(List<SimulatedAction> actions) {
        Map<String, SimulatedAction> map = new LinkedHashMap<>();
        actions.forEach(a -> map.put(a.summary(), a));
        return map;
    }

    private static String[] row(String change, SimulatedAction a) {
        String[] row = {a.day().toString(), "C" + a.customerId(), String.join(" ", a.items()), a.step(), a.channel().label(),
                a.template(), a.reason()};
        if (change == null) {
            return row;
        }
        String[] withChange = new String[row.length + 1];
        withChange[0] = change;
        System.arraycopy(row, 0, withChange, 1, row.length);
        return withChange;
    }

    private static void write(Path file, boolean withChange, List<String[]> rows) {
        List<String> header = new ArrayList<>(List.of("date", "customer", "items", "step", "channel", "template", "reason"));
        if (withChange) {
            header.add(0, "change");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (String[] row : rows) {
                    csv.printRecord((Object[]) row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
    }
}
