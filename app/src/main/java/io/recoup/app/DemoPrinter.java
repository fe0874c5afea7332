package io.recoup.app;

import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.ingest.IngestReport;
import io.recoup.routes.match.MatchReport;
import io.recoup.routes.plan.PlanReport;
import io.recoup.routes.postback.PostReport;
import io.recoup.routes.receive.ImportReport;
import io.recoup.core.ledger.Rejection;
import io.recoup.routes.cycle.DayReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints what the demo did, day by day, and the closing summary. No e-mail addresses, phone numbers or IBANs. */
public final class DemoPrinter {
    private final PrintStream out;
    private final RecoupProperties props;

    DemoPrinter(PrintStream out, RecoupProperties props) {
        this.out = out;
        this.props = props;
    }

    void header(DemoOptions options) {
        out.printf("Recoup demo: %d day(s) from %s on the bundled sample ledger and bank statements%n", options.days(), options.today());
        out.printf("  database: %s, mail: %s, folders under %s%n%n", props.database(), props.mail(), props.home().toAbsolutePath().normalize());
    }

    void day(DayReport day, List<Path> mails) {
        out.printf("%s %s%n", day.day(), day.day().getDayOfWeek().toString().substring(0, 3));
        for (IngestReport in : day.ingests()) {
            out.printf("  ingest    %s: %d new, %d changed, %d unchanged, %d rejected%n", in.origin(), in.inserted(), in.updated(),
                    in.unchanged(), in.rejections().size());
            for (Rejection r : in.rejections()) {
                out.printf("            quarantined: %s%n", r);
            }
        }
        for (ImportReport im : day.imports()) {
            out.printf("  receive   %s: %d new receipt(s), %d already known, %d entr(ies) not a receipt%s%n", im.origin(),
                    im.newReceipts(), im.duplicates(), im.ignoredEntries(), im.problems().isEmpty() ? "" : ", problems: " + im.problems());
        }
        for (MatchReport.Matched m : day.match().receipts()) {
            out.printf("  match     %s %s%s: %s%n", m.amount(), m.outcome().toLowerCase(), m.invoiceNumber() == null ? "" : " to " + m.invoiceNumber(),
                    m.detail());
        }
        for (PostReport p : day.posts()) {
            out.printf("  post      %s: %s%s%n", p.batch(), String.join(", ", p.documentNumbers()),
                    p.alreadyInLedger().isEmpty() ? "" : " (already in ledger: " + p.alreadyInLedger() + ")");
        }
        for (PlanReport.Planned p : day.plan().planned()) {
            out.printf("  plan      %s %s (%s): %s%n", p.invoiceNumbers(), p.step(), p.channel(), p.reason());
        }
        if (day.plan().onboarded() > 0) {
            out.printf("            onboarding: %d item(s) get a reminder with a grace period before any escalation%n",
                    day.plan().onboarded());
        }
        if (day.plan().held() + day.plan().paused() > 0) {
            out.printf("            %d item(s) held (caps, business days), %d paused (disputes, promises, plans)%n",
                    day.plan().held(), day.plan().paused());
        }
        for (DispatchReport.Dispatched d : day.dispatch().actions()) {
            out.printf("  %-9s %s %s via %s: %s%s%n", verb(d.status()), d.invoiceNumbers(), d.stepId(), d.channel(), d.outcome(),
                    d.possibleDuplicate() ? " (possible duplicate: sent again after an interrupted send)" : "");
        }
        for (String f : day.failedFiles()) {
            out.printf("  FAILED    %s%n", f);
        }
        if (!mails.isEmpty()) {
            out.printf("  mailbox   %d message(s) written to %s%n", mails.size(), mails.get(0).getParent());
        }
        out.println();
    }

    private static String verb(String status) {
        return switch (status) {
            case "SENT" -> "sent";
            case "TASK_OPEN" -> "task";
            case "SKIPPED" -> "skipped";
            case "CANCELLED" -> "cancelled";
            case "DEFERRED" -> "deferred";
            case "PARKED" -> "parked";
            default -> status.toLowerCase();
        };
    }

    void summary(DemoSummary.Figures f, Optional<Path> mailFolder) {
        out.println("Summary (stored state)");
        out.printf("  items      %s, %d record(s) quarantined (see %s)%n", f.itemsByStatus(), f.quarantined(),
                props.ledger().rejected().normalize());
        out.println("  notices    step              channel   status     count");
        f.actions().forEach(a -> out.println("             " + a));
        out.printf("  receipts   %s%n", f.receiptsByStatus());
        f.exceptions().forEach(e -> out.println("  exception  " + e));
        out.printf("  postings   %d posted in %d file(s) in %s, %d pending%n", f.postingsPosted(), f.postingFiles(),
                props.ledger().payments().normalize(), f.postingsPending());
        mailFolder.ifPresent(m -> out.printf("  mail       every message sent is in %s%n", m.normalize()));
        out.printf("  possible duplicate sends: %d%s%n", f.possibleDuplicates().size(), f.possibleDuplicates().isEmpty() ? ""
                : " (notice " + f.possibleDuplicates().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ": sent again as the same message after an interrupted send)");
    }
}
