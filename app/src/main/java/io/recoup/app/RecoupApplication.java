package io.recoup.app;

import io.recoup.adapters.email.MailStreams;
import io.recoup.app.reconcile.ReconcileJob;
import io.recoup.app.reconcile.ReconcileOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recoup's entry point. {@code demo [--today YYYY-MM-DD] [--days N] [--reset]} runs the whole cycle day by day on the
 * bundled sample data and exits; {@code serve} (the default) watches the inbox folders and runs the cycle on a timer
 * until stopped, with the admin API and dashboard on {@code server.port}. {@code simulate} previews a policy. Settings
 * come from {@code --recoup.*=...}, environment variables or application.yaml.
 */
@SpringBootApplication
public class RecoupApplication {

    /** What {@code --help} prints: the jobs, their options, and where settings come from. */
    static final String USAGE = """
            usage: java -jar recoup.jar [job] [options] [--recoup.key=value ...]

            jobs:
              serve       (the default) watch the inbox folders, run the cycle on a timer, serve the admin API
              demo        [--today YYYY-MM-DD] [--days N] [--reset]
                          run the whole cycle day by day on the bundled sample ledger and bank statements
              simulate    (--items <csv> | --stored) --policy <yaml> --from D1 --to D2 --out plan.csv [--compare <yaml>]
                          [--channels email,sms]  preview a policy; nothing is sent or stored
              reconcile   --items <csv> --statement <xml> [--statement <xml> ...] --out <dir>
                          match statements against a ledger CSV without a database; writes allocations.csv and
                          exceptions.csv
              help        print this and exit (also --help, -h)

            Settings (recoup.home, recoup.database.url, recoup.mail.host, recoup.creditor.*, ...) come from
            --recoup.key=value, environment variables (RECOUP_MAIL_HOST=...) or an application.yaml beside the jar;
            the README lists them all.
            """;

    public static void main(String[] args) {
        MailStreams.nameProvider();
        if (helpAsked(args)) {
            System.out.print(USAGE);
            System.exit(0);
            return;
        }
        String job = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
        Map<String, Object> defaults = new HashMap<>();
        SpringApplication app = new SpringApplication(RecoupApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        switch (job) {
            case "demo" -> {
                DemoOptions options;
                try {
                    options = DemoOptions.parse(Arrays.copyOfRange(args, 1, args.length));
                } catch (IllegalArgumentException e) {
                    System.err.println("demo: " + e.getMessage());
                    System.exit(2);
                    return;
                }
                defaults.put("logging.level.root", "WARN");
                defaults.put("logging.level.org.springframework.boot", "ERROR");
                defaults.put("camel.main.warn-on-early-shutdown", "false");
                app.setDefaultProperties(defaults);
                ConfigurableApplicationContext context = app.run(withoutWatchersAndTimer(springArgs(args)));
                int code = context.getBean(DemoJob.class).run(options, System.out);
                System.exit(SpringApplication.exit(context, () -> code));
            }
            case "simulate" -> System.exit(simulate(app, defaults, args));
            case "reconcile" -> System.exit(reconcile(args));
            case "serve" -> {
                app.setWebApplicationType(WebApplicationType.SERVLET);
                defaults.put("camel.main.run-controller", "true");
                app.setDefaultProperties(defaults);
                app.run(springArgs(args));
            }
            default -> {
                System.err.print("unknown job '" + job + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    /** {@code help}, {@code --help} or {@code -h} anywhere asks for the usage, never a start. */
    static boolean helpAsked(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))
                || args.length > 0 && args[0].equals("help");
    }

    /** Previews a policy without sending anything; starts the database (and nothing else) only for {@code --stored}. */
    private static int simulate(SpringApplication app, Map<String, Object> defaults, String[] args) {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        java.time.ZoneId zone;
        try {
            zone = CompanyTimeZone.resolve(springArgs(args));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        return new SimulateJob(System.out, zone).run(options, () -> {
            defaults.put("logging.level.root", "WARN");
            defaults.put("camel.main.warn-on-early-shutdown", "false");
            app.setDefaultProperties(defaults);
            try (ConfigurableApplicationContext context = app.run(withoutWatchersAndTimer(springArgs(args)))) {
                io.recoup.store.Database db = context.getBean(io.recoup.store.Database.class);
                SettableClock clock = context.getBean(SettableClock.class);
                clock.setDay(options.from());
                return db.inTransaction(() -> {
                    io.recoup.store.plan.CustomerCaseReader reader = new io.recoup.store.plan.CustomerCaseReader(db);
                    return Simulation.ofCases(reader.openCases(options.from()), reader.customerNames());
                });
            }
        });
    }

    /** Runs the matcher over a ledger CSV and statements, without a database and without Spring. */
    private static int reconcile(String[] args) {
        ReconcileOptions options;
        try {
            options = ReconcileOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("reconcile: " + e.getMessage());
            return 2;
        }
        return new ReconcileJob(System.out).run(options);
    }

    /**
     * The demo and simulate drive every stage themselves: folder watchers and the timer must not run. Given as
     * command-line properties, which outrank application.yaml (default properties would not).
     */
    private static String[] withoutWatchersAndTimer(String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--recoup.watch-folders=false";
        all[args.length + 1] = "--recoup.schedule.enabled=false";
        return all;
    }

    /** Only {@code --name=value} settings go to Spring; the job's own options are read by the job. */
    private static String[] springArgs(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("=")).toArray(String[]::new);
    }
}
