package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.dunning.ContactLog;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.plan.CustomerName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateJobTest {
    @TempDir
    Path dir;

    private static final String LEDGER = """
            invoice_id,invoice_number,customer_id,customer_name,email,issue_date,due_date,currency,amount
            1,INV-1,C1,Acme,ap@acme.example,2026-02-01,2026-03-10,EUR,100.00
            2,INV-2,C1,Acme,ap@acme.example,2026-02-01,2026-03-10,EUR,50.00
            3,INV-3,C2,Beta,,2026-02-01,2026-03-12,EUR,70.00
            4,INV-4,C2,Beta,,2026-02-01,2026-02-30,EUR,70.00
            """;
    private static final String POLICY = """
            policy: preview
            version: %s
            ladders:
              main:
                steps:
                  - {id: due-email, offset-days: 0, channels: [email], template: reminder-due}
                  - {id: overdue-email, offset-days: %d, channels: [email], template: reminder-overdue}
            """;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private SimulateJob job() {
        return new SimulateJob(new PrintStream(console, true, StandardCharsets.UTF_8), ZoneId.of("Europe/Berlin"));
    }

    private Simulation noStoredLedger() {
        throw new AssertionError("--items must not read the stored ledger");
    }

    private List<List<String>> planRows() throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve("out/plan.csv"))) {
            return CSVFormat.RFC4180.parse(in).getRecords().stream().skip(1).map(CSVRecord::toList).toList();
        }
    }

    private SimulateOptions options(Optional<Path> compare) throws Exception {
        Files.writeString(dir.resolve("items.csv"), LEDGER);
        Files.writeString(dir.resolve("a.yaml"), POLICY.formatted("1", 7));
        return new SimulateOptions(Optional.of(dir.resolve("items.csv")), false, dir.resolve("a.yaml"), compare,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), dir.resolve("out/plan.csv"), EnumSet.of(Channel.EMAIL));
    }

    @Test
    void writesOneRowPerActionWithoutSendingAnything() throws Exception {
        int code = job().run(options(Optional.empty()), this::noStoredLedger);
        assertThat(code).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("out/plan.csv"));
        assertThat(rows.get(0)).isEqualTo("date,customer,customer_name,items,step,channel,template,send_after,reason");
        assertThat(rows.subList(1, rows.size())).extracting(r -> String.join(",", List.of(r.split(",")).subList(0, 6))).containsExactly(
                "2026-03-10,C1,Acme,INV-1 INV-2,due-email,email",
                "2026-03-12,C2,Beta,INV-3,due-email,task",
                "2026-03-17,C1,Acme,INV-1 INV-2,overdue-email,email",
                "2026-03-19,C2,Beta,INV-3,overdue-email,task");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("skipped: items.csv line 5, column due_date: '2026-02-30' is not a date")
                .contains("simulated 3 item(s) with policy preview v1 from 2026-03-01 to 2026-03-31: 4 action(s)");
    }

    @Test
    void showsWhatAChangedPolicyWouldChange() throws Exception {
        Files.writeString(dir.resolve("b.yaml"), POLICY.formatted("2", 10));
        int code = job().run(options(Optional.of(dir.resolve("b.yaml"))), this::noStoredLedger);
        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/plan.csv")).stream().skip(1)
                .map(r -> String.join(",", List.of(r.split(",")).subList(0, 6))).toList()).containsExactly(
                "same,2026-03-10,C1,Acme,INV-1 INV-2,due-email",
                "same,2026-03-12,C2,Beta,INV-3,due-email",
                "removed,2026-03-17,C1,Acme,INV-1 INV-2,overdue-email",
                "removed,2026-03-19,C2,Beta,INV-3,overdue-email",
                "added,2026-03-20,C1,Acme,INV-1 INV-2,overdue-email",
                "added,2026-03-22,C2,Beta,INV-3,overdue-email");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("compared with preview v2: 2 action(s) added, 2 removed, 2 the same");
    }

    @Test
    void refusesABadPolicyNamingTheLineAndWritesNothing() throws Exception {
        SimulateOptions options = options(Optional.empty());
        Files.writeString(dir.resolve("a.yaml"), POLICY.formatted("1", 7).replace("[email]", "[fax]"));
        int code = job().run(options, this::noStoredLedger);
        assertThat(code).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("a.yaml:6: field 'ladders.main.steps[0].channels[0]'");
        assertThat(dir.resolve("out/plan.csv")).doesNotExist();
    }

    @Test
    void readsItsOptions() {
        SimulateOptions o = SimulateOptions.parse(new String[] {"--items", "i.csv", "--policy", "p.yaml", "--from", "2026-03-01",
                "--to", "2026-04-30", "--out", "plan.csv", "--channels", "email,sms"});
        assertThat(o.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulateOptions.parse(new String[] {"--policy", "p.yaml",
                "--from", "2026-03-01", "--to", "2026-02-01", "--out", "x", "--stored"})).hasMessageContaining("--to 2026-02-01 is before --from");
    }

    @Test
    void showsTheLedgersCustomerIdAndNameWhetherItemsComeFromAFileOrTheStoredLedger() throws Exception {
        SimulateOptions fromFile = options(Optional.empty());
        job().run(fromFile, this::noStoredLedger);
        List<List<String>> fileRows = planRows();
        // the stored ledger numbers its customers its own way (here 17 and 42): the file shows none of it
        Simulation stored = Simulation.ofCases(List.of(
                new CustomerCase(profile(42), List.of(DunningItem.of(1, "INV-1", LocalDate.of(2026, 3, 10), Money.of("100.00", "EUR")),
                        DunningItem.of(2, "INV-2", LocalDate.of(2026, 3, 10), Money.of("50.00", "EUR"))), ContactLog.empty()),
                new CustomerCase(profile(17), List.of(DunningItem.of(3, "INV-3", LocalDate.of(2026, 3, 12), Money.of("70.00", "EUR"))),
                        ContactLog.empty())),
                Map.of(42L, new CustomerName("C1", "Acme"), 17L, new CustomerName("C2", "Beta")));
        SimulateOptions fromStore = new SimulateOptions(Optional.empty(), true, fromFile.policy(), Optional.empty(), fromFile.from(),
                fromFile.to(), fromFile.out(), fromFile.channels());
        job().run(fromStore, () -> stored);
        assertThat(planRows()).extracting(r -> r.subList(0, 5)).containsExactlyElementsOf(
                fileRows.stream().map(r -> r.subList(0, 5)).toList());
        assertThat(fileRows).extracting(r -> r.get(1) + " " + r.get(2)).containsOnly("C1 Acme", "C2 Beta");
    }

    private static CustomerProfile profile(long id) {
        Set<Channel> reachable = Channel.reachableWith(id == 42, false);
        return new CustomerProfile(id, "b2b", ZoneId.of("Europe/Berlin"), reachable, Set.of(), List.of(), RiskScore.unknown());
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        SimulateOptions options = options(Optional.empty());
        Files.writeString(dir.resolve("items.csv"), LEDGER.replace("INV-1,C1,Acme", "=cmd|' /C calc'!A0,C1,@SUM(A1)")
                .replace("3,INV-3,C2,Beta", "3,+INV-3,-C2,Beta"));
        job().run(options, this::noStoredLedger);
        assertThat(planRows()).extracting(r -> String.join(" | ", r.subList(1, 4))).contains(
                "C1 | '@SUM(A1) | '=cmd|' /C calc'!A0 INV-2", "'-C2 | Beta | '+INV-3");
    }

    @Test
    void givesLedgerRowsWithoutATimeZoneTheCompanysConfiguredZone() throws Exception {
        SimulateOptions options = options(Optional.empty());
        new SimulateJob(new PrintStream(console, true, StandardCharsets.UTF_8), ZoneId.of("America/New_York"))
                .run(options, this::noStoredLedger);
        assertThat(planRows()).first().satisfies(r -> assertThat(r.get(7)).isEqualTo("2026-03-10T09:00-04:00"));
        job().run(options, this::noStoredLedger);
        assertThat(planRows()).first().satisfies(r -> assertThat(r.get(7)).isEqualTo("2026-03-10T09:00+01:00"));
    }

    @Test
    void theStandardPolicyFromAFirstRunNeverStartsWithTheAgencyAndSaysWhatTheOnboardingDid() throws Exception {
        SimulateOptions march = options(Optional.empty());
        try (InputStream in = SimulateJobTest.class.getResourceAsStream("/recoup/policies/standard.yaml")) {
            Files.write(dir.resolve("standard.yaml"), in.readAllBytes());
        }
        SimulateOptions december = new SimulateOptions(march.items(), false, dir.resolve("standard.yaml"), Optional.empty(),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), march.out(), march.channels());
        assertThat(job().run(december, this::noStoredLedger)).isZero();
        assertThat(planRows()).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(4) + " " + r.get(5)).containsExactly(
                "2026-12-01 C1 onboarding@2026-12-01+14 email",
                "2026-12-01 C2 onboarding@2026-12-01+14 task",
                "2026-12-16 C1 escalation agency",
                "2026-12-16 C1 escalation agency",
                "2026-12-16 C2 escalation agency");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("onboarding: 3 item(s) would have had an escalation as their "
                + "first contact; each gets a reminder with a 14-day grace period first");
    }
}
