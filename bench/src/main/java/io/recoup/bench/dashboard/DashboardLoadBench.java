package io.recoup.bench.dashboard;

import io.recoup.app.RecoupApplication;
import io.recoup.bench.Load;
import io.recoup.store.Database;
import io.recoup.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard under load, as issue 15 asks: {@code items} open items (default 1,000,000; ten per customer, one
 * customer in ten with an open task on all its items, with its risk and amount written as the planner writes them,
 * 5,000 receipts in the exceptions queue, three sent notices per customer, one planned in the next fourteen days for
 * every tenth customer, a failed send per hundred customers, promises to pay falling due) in PostgreSQL, the app started
 * on them ({@code serve}'s web server, timers off), and a bounded local load of {@value #SENDERS} clients, each with one
 * request in flight, on the aging page, the needs-a-person page, the item API (pages 0 to 999 of 50 at random), the DSO
 * page with its trend, the scheduled, failed and exceptions tables (their first pages) and customer pages (at random),
 * each signed in as a person or a machine would be; p50/p99 of each as a ratio against a static file served by the same server in the same run (goal: p99 within
 * 10x). The endpoints take turns in rounds, so a drift of the machine falls on all of them.
 */
public final class DashboardLoadBench {
    static final int SENDERS = 4;
    private static final int ROUNDS = 5;
    private static final String PASSWORD = "bench-admin-password";

    private DashboardLoadBench() {
    }

    public static void run(PrintStream out, int items, int requests) throws Exception {
        Path home = Files.createTempDirectory("recoup-dashboard-bench");
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(home.resolve("pgdata"), EmbeddedDatabase.Durability.THROWAWAY)) {
            long t0 = System.nanoTime();
            populate(pg, items);
            out.printf("dashboard: ledger = %,d open items, %,d customers, tasks and exceptions loaded in %.1f s%n", items,
                    items / 10, (System.nanoTime() - t0) / 1e9);
            SpringApplication app = new SpringApplication(RecoupApplication.class);
            app.setWebApplicationType(WebApplicationType.SERVLET);
            try (ConfigurableApplicationContext context = app.run("--server.port=0", "--recoup.home=" + home,
                    "--recoup.database.url=" + pg.jdbcUrl(), "--recoup.database.username=postgres",
                    "--recoup.watch-folders=false", "--recoup.schedule.enabled=false", "--recoup.admin.password=" + PASSWORD,
                    "--logging.level.root=WARN", "--camel.main.warn-on-early-shutdown=false")) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                measure(out, URI.create("http://localhost:" + port), requests, Math.max(1, items / 10));
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(PrintStream out, URI server, int requests, int customers) throws Exception {
        Load load = new Load(SENDERS);
        signIn(load, server);
        String token = token(load, server);
        Map<String, IntFunction<HttpRequest>> endpoints = new LinkedHashMap<>();
        endpoints.put("static", k -> get(server.resolve("/ui/recoup.css"), null));
        endpoints.put("aging", k -> get(server.resolve("/ui/aging"), null));
        endpoints.put("needs-person", k -> get(server.resolve("/ui/needs-person"), null));
        endpoints.put("items-api", k -> get(server.resolve("/api/items?size=50&page=" + Math.floorMod(k * 7919, 1000)), token));
        endpoints.put("dso", k -> get(server.resolve("/ui/dso"), null));
        endpoints.put("scheduled", k -> get(server.resolve("/ui/scheduled?page=" + Math.floorMod(k * 31, 100)), null));
        endpoints.put("failed", k -> get(server.resolve("/ui/failed?page=" + Math.floorMod(k * 31, 10)), null));
        endpoints.put("exceptions", k -> get(server.resolve("/ui/exceptions?page=" + Math.floorMod(k * 31, 100)), null));
        endpoints.put("customer", k -> get(server.resolve("/ui/customers/bench/C" + (1 + Math.floorMod(k * 7919, customers))), null));
        Map<String, Load.Run> runs = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<HttpRequest>> e : endpoints.entrySet()) {
            Load.Run warm = load.drive(Math.max(SENDERS, requests / 10), e.getValue());
            out.printf("dashboard: warm-up %s = %s%n", e.getKey(), warm.describe());
            runs.put(e.getKey(), Load.Run.none());
        }
        List<String> names = List.copyOf(endpoints.keySet());
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                runs.put(name, runs.get(name).plus(load.drive(requests / ROUNDS, endpoints.get(name))));
            }
        }
        load.firstRefusal().ifPresent(r -> out.println("dashboard: first answer that was not 200: " + r));
        Load.Run base = runs.get("static");
        for (Map.Entry<String, Load.Run> e : runs.entrySet()) {
            out.printf("dashboard: %s = %s%n", e.getKey(), e.getValue().describe());
        }
        previewPolicy(out, load, server);
        for (String name : names.subList(1, names.size())) {
            Load.Run run = runs.get(name);
            out.printf("dashboard: ratio-p99-%s-to-static = %.1f (p50 %.1f; goal: p99 within 10x of the static file's)%n", name,
                    run.percentileMillis(0.99) / base.percentileMillis(0.99), run.percentileMillis(0.5) / base.percentileMillis(0.5));
        }
    }

    /**
     * The policy preview an admin runs before a policy goes live: the default policy uploaded as a draft and simulated
     * over the next 30 days of the stored ledger, three times; a single request each, so its time, not a ratio.
     */
    private static void previewPolicy(PrintStream out, Load load, URI server) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String yaml;
        try (InputStream in = DashboardLoadBench.class.getResourceAsStream("/recoup/policies/default.yaml")) {
            yaml = new String(Objects.requireNonNull(in, "the default policy on the class path").readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> draft = load.client().send(HttpRequest.newBuilder(server.resolve("/api/policies/drafts"))
                .header("Authorization", basic).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(draft.body());
        if (draft.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("uploading the policy answered " + draft.statusCode() + ": " + draft.body());
        }
        double[] seconds = new double[3];
        String covered = "";
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> preview = load.client().send(HttpRequest.newBuilder(server.resolve("/api/policies/drafts/"
                    + id.group(1) + "/simulate?days=30")).header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (preview.statusCode() != 200) {
                throw new IllegalStateException("the preview answered " + preview.statusCode() + ": " + preview.body());
            }
            Matcher customers = Pattern.compile("\"customers\"\\s*:\\s*(\\d+).*\"items\"\\s*:\\s*(\\d+)").matcher(preview.body());
            covered = customers.find() ? customers.group(1) + " customers, " + customers.group(2) + " items" : "?";
        }
        Arrays.sort(seconds);
        out.printf("dashboard: policy preview (30 days, %s) = %.1f s median of 3 (%.1f-%.1f s)%n", covered, seconds[1], seconds[0],
                seconds[2]);
    }

    private static HttpRequest get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** Signs in on the login form as a person does; the session cookie stays in the load's client. */
    private static void signIn(Load load, URI server) throws IOException, InterruptedException {
        String form = load.client().send(HttpRequest.newBuilder(server.resolve("/ui/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF field");
        }
        String body = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        int status = load.client().send(HttpRequest.newBuilder(server.resolve("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        int aging = load.client().send(get(server.resolve("/ui/aging"), null), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 302 || aging != 200) {
            throw new IllegalStateException("signing in answered " + status + ", then the aging page " + aging);
        }
    }

    /** A viewer's API token, as a machine would use (HTTP Basic would weigh bcrypt into every request). */
    private static String token(Load load, URI server) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String answer = load.client().send(HttpRequest.newBuilder(server.resolve("/api/admin/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"roles\":[\"viewer\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("no token issued: " + answer);
        }
        return token.group(1);
    }

    /** The ledger, written by PostgreSQL itself: customers, items, tasks on every tenth customer's items, exceptions. */
    private static void populate(EmbeddedDatabase pg, int items) {
        Database.migrate(pg.dataSource());
        JdbcTemplate db = new JdbcTemplate(pg.dataSource());
        db.update("""
                insert into customer (source, external_id, name, email, language, time_zone, segment, updated_at)
                select 'bench', 'C' || g, 'Customer ' || g || ' GmbH', 'ap' || g || '@example.com', 'de', 'Europe/Berlin', 'b2b', now()
                from generate_series(1, ?) g""", Math.max(1, items / 10));
        db.update("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                select 'bench', 'I' || g, 1 + (g - 1) / 10, 'INV-' || (1000000 + g), date '2026-08-01' + g % 90,
                    date '2026-09-01' + g % 150, case when g % 20 = 0 then 'USD' else 'EUR' end, a, a, a, 'OPEN', 'RF' || g, now(), now()
                from generate_series(1, ?) g, lateral (select (10 + (g::bigint * 7919) % 500000 / 100.0)::numeric(20, 4) a) amount""",
                items);
        db.update("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at, planned_risk, planned_currency, planned_amount)
                select c.id, 'TASK', 'call-task', 'call', date '2026-11-20', now(), 'bench', '1', 'call: 3 days late',
                    jsonb_build_object('risk', (c.id % 97) || ': pays late'), 'TASK_OPEN', now(), c.id % 97, 'EUR', s.open
                from customer c cross join lateral (select sum(open_amount) as open from open_item i
                    where i.customer_id = c.id and i.currency = 'EUR') s
                where c.id % 10 = 0""");
        db.update("""
                insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id, policy_version,
                    reason, status, created_at, notice_id)
                select i.id, 'call', 'TASK', 'call-task', date '2026-11-20', date '2026-11-20', 'bench', '1', 'call: 3 days late',
                    'TASK_OPEN', now(), n.id
                from notice n join open_item i on i.customer_id = n.customer_id""");
        db.update("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, value_date, remittance,
                    payer_name, origin, status, reason, created_at, structured_references, bank_references)
                select 'bank:bench', 'R' || g, 'EUR', 12.34 + g, 12.34 + g, date '2026-11-20', date '2026-11-20', 'Zahlung ' || g,
                    'Payer ' || g, 'bench', 'UNMATCHED', 'no reference, unknown payer', now(), '{}', '{}'
                from generate_series(1, 5000) g""");
        populateNotices(db);
        db.execute("analyze");
    }

    /**
     * The notices a working ledger has: three sent per customer (the history), one planned for every tenth customer
     * over the next fourteen days, one failed send per hundred customers, and a promise to pay falling due in the next
     * fourteen days on one item in two hundred.
     */
    private static void populateNotices(JdbcTemplate db) {
        String columns = "insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, "
                + "policy_version, reason, facts, status, attempts, outcome, created_at, done_at) ";
        db.update(columns + """
                select c.id, 'EMAIL', 'reminder-' || k, 'reminder-' || k, current_date - 60 + 20 * k, now() - (60 - 20 * k) * interval '1 day',
                    'bench', '1', 'reminder: ' || k, '{}'::jsonb, 'SENT', 1, 'sent', now(), now()
                from customer c, generate_series(0, 2) k""");
        db.update(columns + """
                select c.id, 'EMAIL', 'reminder-3', 'reminder-3', current_date + (c.id % 14)::int, now() + (c.id % 14) * interval '1 day',
                    'bench', '1', 'reminder: due', '{}'::jsonb, 'PLANNED', 0, null, now(), null
                from customer c where c.id % 10 = 5""");
        db.update(columns + """
                select c.id, 'EMAIL', 'reminder-2', 'reminder-2', current_date - 1, now() - interval '1 day', 'bench', '1',
                    'reminder: 7 days late', '{}'::jsonb, 'FAILED', 3, '550 mailbox unavailable', now(), now()
                from customer c where c.id % 100 = 7""");
        db.update("""
                insert into promise_to_pay (item_id, promised_for, currency, amount, open_when_promised, created_by, created_at)
                select id, current_date + (id % 14)::int, currency, open_amount, open_amount, 'bench', now()
                from open_item where id % 200 = 0""");
    }
}
