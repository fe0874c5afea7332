package io.recoup.bench.webhook;

import io.recoup.app.RecoupApplication;
import io.recoup.bench.Load;
import io.recoup.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's webhook figure: signed Stripe events verified, deduplicated and stored per second by the running
 * application ({@code serve}'s web server, embedded PostgreSQL as configured by default, durable), as a ratio against
 * {@link BareEndpoint} on the same server in the same run (goal >= 0.5), with the webhook's p50/p99 latency (goal p99 <=
 * 50 ms). Both get the same load: {@value #SENDERS} senders, the same bodies (about 30% of them a second delivery of an
 * event), after the same warm-up, in rounds that alternate between the two, so a drift of the machine falls on both. The worker and every timer are off ({@code recoup.schedule.enabled=false}), so
 * only the webhook path is measured; the bench checks at the end that the stored rows are exactly the distinct events
 * sent and that none was processed, and fails when not.
 */
public final class WebhookBench {
    static final int SENDERS = 8;
    /** The measured deliveries go in this many rounds to each endpoint, alternately. */
    private static final int ROUNDS = 10;
    private static final double DUPLICATES = 0.3;
    private static final String SECRET = "whsec_bench_webhooks";

    private WebhookBench() {
    }

    /**
     * Runs the bench over {@code deliveries} deliveries per endpoint; false when a check failed. {@code unsynced} puts
     * the application on a PostgreSQL that does not flush its commits to disk, to show what the disk's flushes cost
     * (never how Recoup runs).
     */
    public static boolean run(PrintStream out, int deliveries, boolean unsynced) throws Exception {
        Path home = Files.createTempDirectory("recoup-webhook-bench");
        SpringApplication app = new SpringApplication(RecoupApplication.class, BareEndpoint.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--recoup.home=" + home, "--recoup.watch-folders=false",
                "--recoup.schedule.enabled=false", "--recoup.payments.stripe.webhook-secrets=" + SECRET, "--logging.level.root=WARN",
                "--camel.main.warn-on-early-shutdown=false"));
        try (EmbeddedDatabase pg = unsynced ? EmbeddedDatabase.start(home.resolve("unsynced"), EmbeddedDatabase.Durability.THROWAWAY)
                : null) {
            if (pg != null) {
                args.addAll(List.of("--recoup.database.url=" + pg.jdbcUrl(), "--recoup.database.username=postgres"));
            }
            out.printf("webhooks: database = %s%n", unsynced ? "embedded PostgreSQL with fsync and synchronous_commit OFF (what the"
                    + " disk costs; not how Recoup runs)" : "embedded PostgreSQL as Recoup runs it: every commit flushed to disk");
            try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                return measure(out, context.getBean(JdbcTemplate.class), URI.create("http://localhost:" + port), deliveries);
            }
        } finally {
            delete(home);
        }
    }

    private static boolean measure(PrintStream out, JdbcTemplate jdbc, URI server, int deliveries) throws Exception {
        URI webhook = server.resolve("/webhooks/stripe");
        URI bare = server.resolve(BareEndpoint.PATH);
        StripeDeliveries stripe = new StripeDeliveries(SECRET);
        Load load = new Load(SENDERS);
        int warmUp = Math.min(deliveries, 5000);
        List<byte[]> warm = StripeDeliveries.shuffled("evt_warm_", warmUp, DUPLICATES, 7);
        List<byte[]> bodies = StripeDeliveries.shuffled("evt_bench_", deliveries, DUPLICATES, 13);
        Load.Run warmBare = load.drive(bare, warm, body -> Optional.empty());
        Load.Run warmHook = load.drive(webhook, warm, stripe::header);
        out.printf("webhooks: warm-up = %,d deliveries to each endpoint (%s; %s)%n", warmUp, warmBare.describe(), warmHook.describe());

        // rounds of both endpoints, in turn first, so a machine that gets busier or quieter weighs on both alike
        Load.Run bareRun = Load.Run.none();
        Load.Run hook = Load.Run.none();
        int chunk = Math.max(1, (bodies.size() + ROUNDS - 1) / ROUNDS);
        for (int from = 0, round = 0; from < bodies.size(); from += chunk, round++) {
            List<byte[]> part = bodies.subList(from, Math.min(bodies.size(), from + chunk));
            if (round % 2 == 0) {
                bareRun = bareRun.plus(load.drive(bare, part, body -> Optional.empty()));
                hook = hook.plus(load.drive(webhook, part, stripe::header));
            } else {
                hook = hook.plus(load.drive(webhook, part, stripe::header));
                bareRun = bareRun.plus(load.drive(bare, part, body -> Optional.empty()));
            }
        }
        out.printf("webhooks: bare = %s (a POST under /webhooks/ answered 200, nothing verified or stored)%n", bareRun.describe());
        out.printf("webhooks: stripe = %s (signed events verified, deduplicated and stored; %d senders, about %.0f%% duplicates)%n",
                hook.describe(), SENDERS, DUPLICATES * 100);
        out.printf("webhooks: ratio-webhook-to-bare = %.3f (goal >= 0.5; deliveries/s of /webhooks/stripe over requests/s of"
                + " the bare endpoint)%n", hook.perSecond() / bareRun.perSecond());
        out.printf("webhooks: latency p50 = %.2f ms, p99 = %.2f ms (goal p99 <= 50 ms)%n", hook.percentileMillis(0.50),
                hook.percentileMillis(0.99));
        return checkStored(out, jdbc, StripeDeliveries.distinct(warmUp, DUPLICATES) + StripeDeliveries.distinct(deliveries, DUPLICATES),
                warmHook.failures() + hook.failures() + bareRun.failures() + warmBare.failures());
    }

    /** Every distinct event stored once, none processed (the worker is off), every request answered 200. */
    private static boolean checkStored(PrintStream out, JdbcTemplate jdbc, int distinct, int failures) {
        long stored = jdbc.queryForObject("select count(*) from provider_event where provider = 'stripe'", Long.class);
        long waiting = jdbc.queryForObject("select count(*) from provider_event where provider = 'stripe' and status = 'NEW'",
                Long.class);
        // rows written by one statement share its transaction id: how many commits (flushes) the measured events took
        long commits = jdbc.queryForObject("select count(distinct xmin::text) from provider_event where event_id like 'evt_bench_%'",
                Long.class);
        long measured = jdbc.queryForObject("select count(*) from provider_event where event_id like 'evt_bench_%'", Long.class);
        out.printf("webhooks: the %,d measured events were committed in %,d transactions (%.1f events per flush)%n", measured, commits,
                commits == 0 ? 0.0 : (double) measured / commits);
        boolean ok = stored == distinct && waiting == stored && failures == 0;
        out.printf("webhooks: stored %,d rows for %,d distinct events sent (warm-up included), %,d still waiting for the worker,"
                + " %d requests not answered 200: %s%n", stored, distinct, waiting, failures, ok ? "ok" : "FAILED");
        return ok;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
