package io.recoup.app;

import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.core.RecoupException;
import io.recoup.core.dunning.OnboardingStep;
import io.recoup.core.dunning.SimulatedAction;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.text.SpreadsheetSafe;
import io.recoup.store.plan.CustomerName;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code simulate}: runs a policy over a date range without sending anything and writes one row per action (date,
 * the customer's ledger id and name, items, step, channel, template, when it would go out, reason). With
 * {@code --compare} it runs a second policy on the same items and marks each row as in both, only in the first
 * ("removed") or only in the second ("added"): what would change. Cells that a spreadsheet would run as a formula are
 * neutralised ({@link SpreadsheetSafe}).
 */
final class SimulateJob {
    static final List<String> HEADER = List.of("date", "customer", "customer_name", "items", "step", "channel", "template",
            "send_after", "reason");

    private final PrintStream out;
    private final ZoneId companyZone;

    /** @param companyZone {@code recoup.company.time-zone}: the time zone of a ledger row that names none */
    SimulateJob(PrintStream out, ZoneId companyZone) {
        this.out = out;
        this.companyZone = companyZone;
    }

    /** @param stored reads the stored ledger when {@code --stored} is given (starts the database only then) */
    int run(SimulateOptions options, Supplier<Simulation> stored) {
        PolicyLoader loader = PolicyLoader.withBundledSchema();
        DunningPolicy policy;
        DunningPolicy other;
        Simulation simulation;
        try {
            policy = loader.load(options.policy().toString(), read(options.policy()));
            other = options.compare().isPresent() ? loader.load(options.compare().get().toString(), read(options.compare().get())) : null;
            simulation = options.stored() ? stored.get() : fromCsv(options.items().orElseThrow());
        } catch (RecoupException e) {
            out.println(e.getMessage());
            return 2;
        }
        List<SimulatedAction> plan = simulation.run(policy, options.channels(), options.from(), options.to());
        List<Map.Entry<String, SimulatedAction>> rows = other == null
                ? plan.stream().map(a -> Map.entry("", a)).toList()
                : diff(plan, simulation.run(other, options.channels(), options.from(), options.to()), simulation);
        write(options.out(), other != null, rows, simulation);
        out.printf("simulated %d item(s) with policy %s v%s from %s to %s: %d action(s) written to %s%n", simulation.items(),
                policy.id(), policy.version(), options.from(), options.to(), plan.size(), options.out());
        long onboarded = plan.stream().filter(a -> OnboardingStep.isOnboarding(a.step())).mapToLong(a -> a.items().size()).sum();
        if (onboarded > 0) {
            out.printf("onboarding: %d item(s) would have had an escalation as their first contact; each gets a reminder with a "
                    + "%d-day grace period first%n", onboarded, policy.onboarding().graceDays());
        }
        if (other != null) {
            long added = rows.stream().filter(r -> r.getKey().equals("added")).count();
            long removed = rows.stream().filter(r -> r.getKey().equals("removed")).count();
            out.printf("compared with %s v%s: %d action(s) added, %d removed, %d the same%n", other.id(), other.version(),
                    added, removed, rows.size() - added - removed);
        }
        return 0;
    }

    private Simulation fromCsv(Path items) {
        try (InputStream in = Files.newInputStream(items)) {
            LedgerBatch batch = new CsvOpenItemSource("csv", companyZone).read(items.getFileName().toString(), in);
            for (Rejection r : batch.rejections()) {
                out.println("skipped: " + r);
            }
            return Simulation.ofRecords(batch.records());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + items, e);
        }
    }

    /** Each action of either run marked "same", "removed" or "added", in order of day, customer, items and step. */
    private static List<Map.Entry<String, SimulatedAction>> diff(List<SimulatedAction> before, List<SimulatedAction> after,
                                                                  Simulation simulation) {
        Map<String, SimulatedAction> a = index(before);
        Map<String, SimulatedAction> b = index(after);
        List<Map.Entry<String, SimulatedAction>> rows = new ArrayList<>();
        a.forEach((key, action) -> rows.add(Map.entry(b.containsKey(key) ? "same" : "removed", action)));
        b.forEach((key, action) -> {
            if (!a.containsKey(key)) {
                rows.add(Map.entry("added", action));
            }
        });
        rows.sort(Comparator.comparing((Map.Entry<String, SimulatedAction> r) -> r.getValue().day())
                .thenComparing(r -> simulation.name(r.getValue().customerId()).ledgerId())
                .thenComparing(r -> String.join(" ", r.getValue().items())).thenComparing(r -> r.getValue().step()));
        return rows;
    }

    private static Map<String, SimulatedAction> index(List<SimulatedAction> actions) {
        Map<String, SimulatedAction> map = new LinkedHashMap<>();
        actions.forEach(a -> map.put(a.summary(), a));
        return map;
    }

    private static String[] row(SimulatedAction a, Simulation simulation) {
        CustomerName customer = simulation.name(a.customerId());
        return Arrays.stream(new String[] {a.day().toString(), customer.ledgerId(), customer.name(), String.join(" ", a.items()),
                a.step(), a.channel().label(), a.template(), simulation.localTime(a), a.reason()})
                .map(SpreadsheetSafe::cell).toArray(String[]::new);
    }

    private static void write(Path file, boolean withChange, List<Map.Entry<String, SimulatedAction>> rows, Simulation simulation) {
        List<String> header = new ArrayList<>(HEADER);
        if (withChange) {
            header.add(0, "change");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (Map.Entry<String, SimulatedAction> row : rows) {
                    List<Object> cells = new ArrayList<>(List.of((Object[]) row(row.getValue(), simulation)));
                    if (withChange) {
                        cells.add(0, row.getKey());
                    }
                    csv.printRecord(cells);
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
