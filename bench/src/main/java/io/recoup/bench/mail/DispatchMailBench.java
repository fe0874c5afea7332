package io.recoup.bench.mail;

import com.icegreen.greenmail.util.GreenMail;
import io.recoup.adapters.email.MailStreams;
import io.recoup.app.RecoupApplication;
import io.recoup.app.SettableClock;
import io.recoup.bench.MachineCpu;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.ingest.IngestReport;
import io.recoup.routes.plan.PlanReport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole dispatch path (issue 14's "through Recoup's dispatch path"), not only rendering and the channel: the
 * application on its embedded PostgreSQL (every commit flushed, as Recoup runs it) ingests {@code n} invoices due today,
 * plans them (one due-date e-mail per customer), and one timed dispatch run claims, renders, records as being sent,
 * sends through the SMTP channel and records the outcome of each, to a local GreenMail. The baseline sends the very
 * messages GreenMail received, again, with raw Jakarta Mail on the same connection policy (a connection per 100). Prints
 * both rates, their ratio and the machine's CPU per message. {@link MailBench} measures rendering and the channel alone.
 */
public final class DispatchMailBench {
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt");
    /** Notices dispatched (and their messages sent raw) before anything is timed. */
    private static final int WARM_UP = 3_000;

    private DispatchMailBench() {
    }

    public static void run(PrintStream out, int notices) throws Exception {
        // as RecoupApplication.main does before the application starts; one JVM, so the baseline and GreenMail have it too
        MailStreams.nameProvider();
        GreenMail server = new NoDelayGreenMail();
        server.start();
        Path home = Files.createTempDirectory("recoup-dispatch-bench");
        SpringApplication app = new SpringApplication(RecoupApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        String[] args = {"--server.port=0", "--recoup.home=" + home, "--recoup.watch-folders=false", "--recoup.schedule.enabled=false",
            "--recoup.mail.host=127.0.0.1", "--recoup.mail.port=" + server.getSmtp().getPort(), "--recoup.mail.starttls=false",
            "--recoup.mail.from=ar@bench.example", "--recoup.creditor.name=Recoup Bench GmbH",
            "--recoup.creditor.iban=DE02120300000000202051", "--logging.level.root=WARN", "--camel.main.warn-on-early-shutdown=false"};
        try (ConfigurableApplicationContext context = app.run(args)) {
            Stages stages = context.getBean(Stages.class);
            LocalDate today = LocalDate.now(context.getBean(SettableClock.class));
            // warm-up, untimed: a first ledger dispatched and its messages sent raw, so both sides run compiled code
            int warmUp = Math.min(notices, WARM_UP);
            plan(out, stages, 1, warmUp, today);
            sent(stages.dispatch().dispatch(), server, warmUp);
            sendRaw(server.getSmtp().getPort(), server.getReceivedMessages());
            server.purgeEmailFromAllMailboxes();

            plan(out, stages, WARM_UP + 1, notices, today);
            double cpu = MachineCpu.busySeconds();
            long started = System.nanoTime();
            DispatchReport report = stages.dispatch().dispatch();
            double seconds = (System.nanoTime() - started) / 1e9;
            double dispatchCpu = MachineCpu.busySeconds() - cpu;
            MimeMessage[] received = sent(report, server, notices);
            server.purgeEmailFromAllMailboxes();

            cpu = MachineCpu.busySeconds();
            started = System.nanoTime();
            sendRaw(server.getSmtp().getPort(), received);
            double rawSeconds = (System.nanoTime() - started) / 1e9;
            double rawCpu = MachineCpu.busySeconds() - cpu;
            if (server.getReceivedMessages().length != notices) {
                throw new IllegalStateException("the raw sends reached the server " + server.getReceivedMessages().length + " times");
            }
            double ours = notices / seconds;
            double raw = notices / rawSeconds;
            out.printf("mail-dispatch: recoup-dispatch-per-s = %.0f (claim, render, record as being sent, SMTP channel, record the"
                    + " outcome; PostgreSQL flushing every commit)%n", ours);
            out.printf("mail-dispatch: raw-jakarta-mail-send-per-s = %.0f (the messages the server received, sent again)%n", raw);
            out.printf("mail-dispatch: ratio-recoup-to-raw = %.2f (issue 14's goal >= 0.7)%n", ours / raw);
            if (MachineCpu.busySeconds() >= 0) {
                out.printf("mail-dispatch: machine-cpu-ms-per-message = Recoup %.2f, raw %.2f%n", dispatchCpu * 1000 / notices,
                        rawCpu * 1000 / notices);
            }
        } finally {
            server.stop();
            delete(home);
        }
    }

    /** Ingests {@code count} invoices numbered from {@code first} (a full export: the earlier ones leave the ledger) and plans them. */
    private static void plan(PrintStream out, Stages stages, int first, int count, LocalDate today) {
        IngestReport ingested = stages.ingestion().ingest("bench-ledger-" + first + ".csv",
                new ByteArrayInputStream(ledger(first, count, today).getBytes(StandardCharsets.UTF_8)));
        PlanReport planned = stages.planning().plan();
        out.printf("mail-dispatch: %,d invoices ingested, %,d notices planned for %s%n", ingested.inserted(), planned.planned().size(),
                today);
    }

    /** What the server received from a dispatch run that must have sent {@code count} messages. */
    private static MimeMessage[] sent(DispatchReport report, GreenMail server, int count) {
        MimeMessage[] received = server.getReceivedMessages();
        if (report.count("SENT") != count || received.length != count) {
            throw new IllegalStateException("dispatch sent " + report.count("SENT") + " and the server received " + received.length
                    + ", not " + count);
        }
        return received;
    }

    /** {@code count} customers from {@code first} with one invoice each, due {@code today}, languages and 1,000 addresses in turn. */
    private static String ledger(int first, int count, LocalDate today) {
        StringBuilder csv = new StringBuilder("invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,"
                + "due_date,currency,amount,open_amount\n");
        for (int i = first; i < first + count; i++) {
            csv.append(i).append(",INV-").append(i).append(",C").append(i).append(",Customer ").append(i).append(" GmbH,ap")
                    .append(i % 1_000).append("@customer.example,").append(LANGUAGES.get(i % LANGUAGES.size())).append(',')
                    .append(today.minusDays(30)).append(',').append(today).append(",EUR,").append(100 + i * 37 % 9_000).append(".50,\n");
        }
        return csv.toString();
    }

    /** The same messages with plain Jakarta Mail, on the connection policy of {@link RawMail} (the channel's). */
    private static void sendRaw(int port, MimeMessage[] messages) {
        RawMail raw = new RawMail("127.0.0.1", port, "ar@bench.example");
        for (MimeMessage message : messages) {
            raw.send(message);
        }
        raw.endOfBatch();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
