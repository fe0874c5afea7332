package io.recoup.app;

import io.recoup.routes.cycle.CycleRunner;
import io.recoup.routes.cycle.DayReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo: drops the bundled sample ledger into the ledger inbox on the first day and each bundled bank statement
 * into the statements inbox on its own date, then runs the whole cycle day by day with the clock set to that day.
 * State is kept in the database, so running it again over the same days sends and posts nothing new.
 */
@Component
public class DemoJob {
    private final RecoupProperties props;
    private final SettableClock clock;
    private final CycleRunner runner;
    private final RecoupConfiguration.MailSink mail;
    private final JdbcTemplate jdbc;
    private final PausePoints pauses;

    DemoJob(RecoupProperties props, SettableClock clock, CycleRunner runner, RecoupConfiguration.MailSink mail, DataSource dataSource,
            PausePoints pauses) {
        this.props = props;
        this.clock = clock;
        this.runner = runner;
        this.mail = mail;
        this.jdbc = new JdbcTemplate(dataSource);
        this.pauses = pauses;
    }

    public int run(DemoOptions options, PrintStream out) {
        DemoPrinter printer = new DemoPrinter(out, props);
        printer.header(options);
        List<DayReport> days = runDays(options, printer);
        printer.summary(new DemoSummary(jdbc).read(), mail.local().map(LocalMailSink::folder));
        return days.stream().anyMatch(d -> !d.failedFiles().isEmpty()) ? 1 : 0;
    }

    /** Runs the days and returns what each did; {@code printer} may be null. */
    public List<DayReport> runDays(DemoOptions options, DemoPrinter printer) {
        if (options.reset()) {
            reset();
        }
        List<DayReport> reports = new ArrayList<>();
        for (int i = 0; i < options.days(); i++) {
            LocalDate day = options.today().plusDays(i);
            clock.setDay(day);
            pauses.reached("day-start");
            if (i == 0) {
                drop("classpath:sample/ledger.csv", props.ledger().inbox());
            }
            dropStatementsOf(day);
            DayReport report = runner.runDay(day);
            List<Path> mails = mail.local().map(LocalMailSink::takeWritten).orElse(List.of());
            if (printer != null) {
                printer.day(report, mails);
            }
            reports.add(report);
            pauses.reached("day-end");
        }
        return reports;
    }

    private void dropStatementsOf(LocalDate day) {
        for (Resource statement : resources("classpath:sample/statements/*.xml")) {
            String name = statement.getFilename();
            if (name != null && name.startsWith(day.toString())) {
                copy(statement, props.statements().inbox().resolve(name));
            }
        }
    }

    private void drop(String location, Path folder) {
        Resource resource = resources(location).get(0);
        copy(resource, folder.resolve(resource.getFilename()));
    }

    private static void copy(Resource resource, Path target) {
        try (InputStream in = resource.getInputStream()) {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }

    private static List<Resource> resources(String pattern) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return List.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }

    /** Empties Recoup's tables and local folders, for a demo that starts from nothing. */
    private void reset() {
        jdbc.execute("truncate event_log, posting, allocation, receipt, action, notice, hold, promise_to_pay, instalment, "
                + "payment_plan, opt_out, manual_override, collection_review, collection, pain008_file, mandate, quarantine, "
                + "unresolved_return, customer_iban, open_item, customer, webhook_delivery restart identity cascade");
        mail.local().ifPresent(LocalMailSink::clear);
        for (Path folder : List.of(props.ledger().inbox(), props.ledger().rejected(), props.ledger().payments(),
                props.statements().inbox(), props.home().resolve("mail"), props.home().resolve("outbox"))) {
            deleteContents(folder);
        }
    }

    private static void deleteContents(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }
}
