package io.recoup.bench;

import java.io.PrintStream;

/**
 * Runs every benchmark: {@code java -jar bench/target/recoup-bench.jar [planning|camt|matcher|cash [items entries]|ingest [items]|webhooks [events [unsynced]]|mail [n]|mail-dispatch [n]|dashboard [items [requests]]]} (all when no name is given).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String only = args.length > 0 ? args[0] : "all";
        if (only.equals("all") || only.equals("planning")) {
            PlanningBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
        }
        if (only.equals("all") || only.equals("camt")) {
            io.recoup.bench.sepa.CamtReaderBench.run(out);
        }
        if (only.equals("all") || only.equals("matcher")) {
            io.recoup.bench.cash.MatcherBench.run(out, 100_000, 100_000);
        }
        if (only.equals("all") || only.equals("ingest")) {
            io.recoup.bench.ingest.SourceIngestBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
        }
        if (only.equals("all") || only.equals("mail")) {
            io.recoup.bench.mail.MailBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
        }
        if (only.equals("all") || only.equals("mail-dispatch")) {
            io.recoup.bench.mail.DispatchMailBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
        }
        if (only.equals("all") || only.equals("cash")) {
            int customers = args.length > 1 ? Integer.parseInt(args[1]) / 10 : 100_000;
            io.recoup.bench.cash.CashApplicationBench.run(out, customers, args.length > 2 ? Integer.parseInt(args[2]) : 100_000);
        }
        if (only.equals("all") || only.equals("dashboard")) {
            io.recoup.bench.dashboard.DashboardLoadBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2_000);
        }
        if ((only.equals("all") || only.equals("webhooks"))
                && !io.recoup.bench.webhook.WebhookBench.run(out, args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                        args.length > 2 && args[2].equals("unsynced"))) {
            System.exit(1);
        }
    }
}
