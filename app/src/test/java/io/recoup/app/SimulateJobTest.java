package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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

    private SimulateOptions options(Optional<Path> compare) throws Exception {
        Files.writeString(dir.resolve("items.csv"), LEDGER);
        Files.writeString(dir.resolve("a.yaml"), POLICY.formatted("1", 7));
        return new SimulateOptions(Optional.of(dir.resolve("items.csv")), false, dir.resolve("a.yaml"), compare,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), dir.resolve("out/plan.csv"), EnumSet.of(Channel.EMAIL));
    }

    @Test
    void writesOneRowPerActionWithoutSendingAnything() throws Exception {
        int code = new SimulateJob(new PrintStream(console, true, StandardCharsets.UTF_8)).run(options(Optional.empty()), List::of);
        assertThat(code).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("out/plan.csv"));
        assertThat(rows.get(0)).isEqualTo("date,customer,items,step,channel,template,reason");
        assertThat(rows.subList(1, rows.size())).extracting(r -> String.join(",", List.of(r.split(",")).subList(0, 5))).containsExactly(
                "2026-03-10,C1,INV-1 INV-2,due-email,email",
                "2026-03-12,C2,INV-3,due-email,task",
                "2026-03-17,C1,INV-1 INV-2,overdue-email,email",
                "2026-03-19,C2,INV-3,overdue-email,task");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("skipped: items.csv line 5, column due_date: '2026-02-30' is not a date")
                .contains("simulated 3 item(s) with policy preview v1 from 2026-03-01 to 2026-03-31: 4 action(s)");
    }

    @Test
    void showsWhatAChangedPolicyWouldChange() throws Exception {
        Files.writeString(dir.resolve("b.yaml"), POLICY.formatted("2", 10));
        int code = new SimulateJob(new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(options(Optional.of(dir.resolve("b.yaml"))), List::of);
        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/plan.csv")).stream().skip(1)
                .map(r -> String.join(",", List.of(r.split(",")).subList(0, 5))).toList()).containsExactly(
                "same,2026-03-10,C1,INV-1 INV-2,due-email",
                "same,2026-03-12,C2,INV-3,due-email",
                "removed,2026-03-17,C1,INV-1 INV-2,overdue-email",
                "removed,2026-03-19,C2,INV-3,overdue-email",
                "added,2026-03-20,C1,INV-1 INV-2,overdue-email",
                "added,2026-03-22,C2,INV-3,overdue-email");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("compared with preview v2: 2 action(s) added, 2 removed, 2 the same");
    }

    @Test
    void refusesABadPolicyNamingTheLineAndWritesNothing() throws Exception {
        SimulateOptions options = options(Optional.empty());
        Files.writeString(dir.resolve("a.yaml"), POLICY.formatted("1", 7).replace("[email]", "[fax]"));
        int code = new SimulateJob(new PrintStream(console, true, StandardCharsets.UTF_8)).run(options, List::of);
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
}
