package io.recoup.bench.cash;

import com.zaxxer.hikari.HikariDataSource;
import io.recoup.bench.BenchPool;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.StatementMatcher;
import io.recoup.routes.match.MatchReport;
import io.recoup.routes.match.Reconciliation;
import io.recoup.routes.receive.CreditReturns;
import io.recoup.routes.receive.ImportReport;
import io.recoup.routes.receive.StatementImport;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.store.Database;
import io.recoup.store.EmbeddedDatabase;
import io.recoup.store.EventLog;
import io.recoup.store.ledger.LedgerRepository;
import io.recoup.store.receipt.ReceiptRepository;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Cash application end to end, as issue 11 asks: one camt.053 of 100,000 entries against 1,000,000 open items in
 * PostgreSQL, taken through the running application's receive stage (parse and store the receipts) and match stage
 * (match and store allocations and postings). Entries per second as a ratio against reading the same file with our
 * camt reader alone in the same run (goal >= 0.5). The database is a throwaway one, as the planning bench's.
 */
public final class CashApplicationBench {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private CashApplicationBench() {
    }

    public static void run(PrintStream out, int customers, int entries) throws Exception {
        CashData data = new CashData(customers, entries);
        Path dir = Files.createTempDirectory("recoup-cash-bench");
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dir.resolve("data"), EmbeddedDatabase.Durability.THROWAWAY);
                HikariDataSource ds = BenchPool.over(pg)) {
            Database.migrate(ds);
            long t0 = System.nanoTime();
            load(ds, data);
            MatcherBench.print(out, "e2e-loaded-items", String.valueOf(data.items.size()),
                    String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
            Path statement = dir.resolve("camt053-" + entries + ".xml");
            CashStatement.write(statement, data);
            double[] parse = new double[3];
            for (int round = -1; round < parse.length; round++) {
                long start = System.nanoTime();
                int read = parseOnly(statement);
                if (round >= 0) {
                    parse[round] = read / ((System.nanoTime() - start) / 1e9);
                }
            }
            // warm-up, as the parse rounds above warm the reader: let the JIT compile the matcher before it is timed
            new StatementMatcher(data.items, new Payers(data.items, data.ibans, Map.of())).matchAll(data.receipts());
            System.gc();
            Database db = new Database(ds, Clock.system(BERLIN));
            ReceiptRepository receipts = new ReceiptRepository(db);
            LedgerRepository ledger = new LedgerRepository(db);
            EventLog events = new EventLog(db);
            StatementImport receive = new StatementImport(db, receipts, ledger, new CreditReturns(receipts, ledger, events));
            Reconciliation match = new Reconciliation(db, receipts, ledger, events);
            long start = System.nanoTime();
            ImportReport imported;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(statement), 1 << 16)) {
                imported = receive.importStatement(statement.getFileName().toString(), in);
            }
            long received = System.nanoTime();
            MatchReport matched = match.matchNewReceipts();
            long done = System.nanoTime();
            double e2e = entries / ((done - start) / 1e9);
            double parseRate = MatcherBench.median(parse);
            MatcherBench.print(out, "e2e-receipts-stored", String.valueOf(imported.newReceipts()),
                    String.format("receive %.1f s", (received - start) / 1e9));
            MatcherBench.print(out, "e2e-matched", String.valueOf(matched.count("MATCHED") + matched.count("PARTLY_ALLOCATED")),
                    String.format("match and store %.1f s", (done - received) / 1e9));
            MatcherBench.print(out, "e2e-entries-per-s", String.format("%.0f", e2e), "parse + store receipts + match + store allocations");
            MatcherBench.print(out, "parse-only-entries-per-s", String.format("%.0f", parseRate), "our camt reader, median of 3");
            MatcherBench.print(out, "ratio-e2e-to-parse", String.format("%.3f", e2e / parseRate), "goal >= 0.5");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int parseOnly(Path statement) throws IOException {
        int[] count = new int[1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(statement), 1 << 16)) {
            new CamtReader().read(in, statement.getFileName().toString(), new CamtHandler() {
                @Override
                public void onStatement(io.recoup.sepa.camt.CamtStatement header) {
                    // counted per entry
                }

                @Override
                public void onEntry(io.recoup.sepa.camt.CamtStatement header, io.recoup.sepa.camt.CamtEntry entry) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /** Customers, their IBANs and the open items, with COPY; the ids come out in the order written. */
    private static void load(DataSource ds, CashData data) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder customers = new StringBuilder();
            StringBuilder ibans = new StringBuilder();
            int customerId = 0;
            String last = null;
            for (MatchableItem item : data.items) {
                if (!item.customer().equals(last)) {
                    last = item.customer();
                    customerId++;
                    customers.append(customerId).append(",csv,").append(item.customer().substring(4)).append(",\"")
                            .append(item.customerName()).append("\",,,en,Europe/Berlin,b2b,2026-11-01 00:00:00+00\n");
                    for (String iban : data.ibans.get(item.customer())) {
                        ibans.append(customerId).append(',').append(iban).append(",LEDGER,ledger,2026-11-01 00:00:00+00\n");
                    }
                }
            }
            copy.copyIn("copy customer (id, source, external_id, name, email, phone, language, time_zone, segment, updated_at) "
                    + "from stdin with (format csv)", new StringReader(customers.toString()));
            copy.copyIn("copy customer_iban (customer_id, iban, origin, created_by, created_at) from stdin with (format csv)",
                    new StringReader(ibans.toString()));
            StringBuilder rows = new StringBuilder();
            customerId = 0;
            last = null;
            for (MatchableItem item : data.items) {
                if (!item.customer().equals(last)) {
                    last = item.customer();
                    customerId++;
                }
                rows.append(item.itemId()).append(",csv,I").append(item.itemId()).append(',').append(customerId).append(',')
                        .append(item.number()).append(',').append(item.dueDate().minusDays(30)).append(',').append(item.dueDate())
                        .append(",EUR,").append(item.open().amount()).append(',').append(item.open().amount()).append(',')
                        .append(item.open().amount()).append(",OPEN,").append(item.creditorReference())
                        .append(",2026-11-01 00:00:00+00,2026-11-01 00:00:00+00\n");
                if (rows.length() > 8_000_000) {
                    copyItems(copy, rows);
                }
            }
            copyItems(copy, rows);
            try (var s = c.createStatement()) {
                s.execute("select setval(pg_get_serial_sequence('customer', 'id'), (select max(id) from customer))");
                s.execute("select setval(pg_get_serial_sequence('open_item', 'id'), (select max(id) from open_item))");
                s.execute("analyze");
            }
        }
    }

    private static void copyItems(CopyManager copy, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("copy open_item (id, source, external_id, customer_id, number, issue_date, due_date, currency, "
                + "original_amount, ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at) "
                + "from stdin with (format csv)", new StringReader(rows.toString()));
        rows.setLength(0);
    }
}
