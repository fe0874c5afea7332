package io.recoup.routes.cycle;

import io.recoup.adapters.csv.CsvLedgerPoster;
import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.adapters.email.SmtpReminderChannel;
import io.recoup.adapters.email.SmtpSettings;
import io.recoup.adapters.pdf.PdfLetterPrinter;
import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.core.port.LetterPrinter;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.ReturnedEntries;
import io.recoup.routes.dispatch.PublicLinks;
import io.recoup.routes.dispatch.ReminderDispatch;
import io.recoup.core.link.LinkTokens;
import io.recoup.store.Installation;
import java.net.URI;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.sepa.Bic;
import io.recoup.sepa.Iban;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.dispatch.NoticeRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Recoup instance for route tests, built the way the application builds it, on a fresh real database, temporary
 * folders and the given SMTP port.
 */
final class CycleFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    final Path home;
    final MutableClock clock;
    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final Database db;
    final Stages stages;
    final DefaultCamelContext camel = new DefaultCamelContext();
    final CycleRunner runner;
    final PolicyHolder policy;
    /** The plain SMTP channel to the test's mail server. */
    final ReminderChannel smtp;
    /** The maker of online payment links the dispatchers use; none unless a test gives one. */
    final Optional<PaymentLinkIssuer> links;
    /** The links back to this instance on messages; none unless a test gives a public URL. */
    final Optional<PublicLinks> publicLinks;
    volatile String policyText = resource("/recoup/policies/default.yaml");
    /** Whether messages carry the PDF letter their policy step asks for, as the application's do; off unless a test says. */
    volatile boolean letters;
    /** What prints those letters: PDFBox through openhtmltopdf, as in the application, unless a test breaks it. */
    volatile LetterPrinter printer = new PdfLetterPrinter();

    CycleFixture(Path home, LocalDate firstDay, int smtpPort) {
        this(home, firstDay, smtpPort, UnaryOperator.identity());
    }

    /** {@code channel} wraps the SMTP channel the instance's dispatcher sends through (to make it fail, say). */
    CycleFixture(Path home, LocalDate firstDay, int smtpPort, UnaryOperator<ReminderChannel> channel) {
        this(home, firstDay, smtpPort, channel, Optional.empty());
    }

    /** {@code links} makes the online payment links of reminders whose step offers them. */
    CycleFixture(Path home, LocalDate firstDay, int smtpPort, UnaryOperator<ReminderChannel> channel,
                 Optional<PaymentLinkIssuer> links) {
        this(home, firstDay, smtpPort, channel, links, List.of());
    }

    /** {@code others}: the channels beside e-mail (SMS, calls, WhatsApp) the dispatcher sends on. */
    CycleFixture(Path home, LocalDate firstDay, int smtpPort, UnaryOperator<ReminderChannel> channel,
                 Optional<PaymentLinkIssuer> links, List<ReminderChannel> others) {
        this(home, firstDay, smtpPort, channel, links, others, TestDatabase.fresh(), Database.DEFAULT_LEASE, Optional.empty());
    }

    /** With {@code publicUrl}: payment links through this instance's redirect and a one-click unsubscribe on e-mails. */
    CycleFixture(Path home, LocalDate firstDay, int smtpPort, Optional<PaymentLinkIssuer> links, URI publicUrl) {
        this(home, firstDay, smtpPort, UnaryOperator.identity(), links, List.of(), TestDatabase.fresh(), Database.DEFAULT_LEASE,
                Optional.of(publicUrl));
    }

    /** Another instance on {@code shared}, the database of a first one, whose singleton leases expire after {@code lease}. */
    CycleFixture(Path home, LocalDate firstDay, int smtpPort, DataSource shared, Duration lease) {
        this(home, firstDay, smtpPort, UnaryOperator.identity(), Optional.empty(), List.of(), shared, lease, Optional.empty());
    }

    private CycleFixture(Path home, LocalDate firstDay, int smtpPort, UnaryOperator<ReminderChannel> channel,
                         Optional<PaymentLinkIssuer> links, List<ReminderChannel> others, DataSource dataSource, Duration lease,
                         Optional<URI> publicUrl) {
        this.home = home;
        this.links = links;
        this.clock = new MutableClock(firstDay.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.db = new Database(dataSource, clock, lease);
        this.publicLinks = publicUrl.map(url -> new PublicLinks(url, new LinkTokens(new Installation(db).linkKey())));
        this.smtp = new SmtpReminderChannel(new SmtpSettings("127.0.0.1", smtpPort, "ar@recoup.example",
                Optional.empty(), Optional.empty(), false));
        ReminderDispatch dispatch = dispatchOver(java.util.stream.Stream.concat(java.util.stream.Stream.of(channel.apply(smtp)),
                others.stream()).toArray(ReminderChannel[]::new));
        this.policy = new PolicyHolder(PolicyLoader.withBundledSchema(), dispatch.configuredChannels(), new PolicyHolder.Source() {
            @Override
            public String name() {
                return "policy.yaml";
            }

            @Override
            public String text() {
                return policyText;
            }

            @Override
            public Object stamp() {
                return policyText;
            }
        });
        this.stages = Stages.of(db, clock, new CsvOpenItemSource("csv", ZONE), folder("ledger/rejected"),
                new CsvLedgerPoster(folder("ledger/payments")), policy, dispatch, ReturnedEntries.NONE);
        Properties props = new Properties();
        props.put("recoup.ledger.inbox", folder("ledger/inbox").toString());
        props.put("recoup.statements.inbox", folder("statements/inbox").toString());
        props.put("recoup.watch-folders", "false");
        props.put("recoup.schedule.enabled", "false");
        props.put("recoup.poll-delay", "200"); // for the tests that start a watcher themselves
        camel.getPropertiesComponent().setInitialProperties(props);
        try {
            camel.addRoutes(new CycleRoutes(stages));
        } catch (Exception e) {
            throw new IllegalStateException("routes do not start", e);
        }
        camel.start();
        this.runner = new CycleRunner(camel);
    }

    /** A dispatcher over this instance's database sending on {@code channels}, as a restarted instance would build it. */
    ReminderDispatch dispatchOver(ReminderChannel... channels) {
        return new ReminderDispatch(db, new NoticeRepository(db), new EventLog(db),
                new MessageTemplates(p -> Optional.ofNullable(resourceOrNull("/recoup/templates/" + p)), Locale.ENGLISH),
                new CreditorDetails("Recoup Test GmbH", Iban.parse("DE89370400440532013000"), Bic.parse("COBADEFFXXX")),
                List.of(channels), clock, links.stream().toList(), (step, segment) -> this.policy.get().policy().paymentOptions(step, segment),
                Optional.of(new CurrentPrinter()), step -> letters ? this.policy.get().policy().letter(step) : Optional.empty(),
                publicLinks);
    }

    /** The fixture's {@link #printer} at the time a letter is printed. */
    private final class CurrentPrinter implements LetterPrinter {
        @Override
        public String contentType() {
            return printer.contentType();
        }

        @Override
        public String extension() {
            return printer.extension();
        }

        @Override
        public byte[] print(String xhtml) {
            return printer.print(xhtml);
        }
    }

    Path folder(String relative) {
        return home.resolve(relative);
    }

    void drop(String folder, String name, String content) {
        try {
            Files.createDirectories(folder(folder));
            Files.writeString(folder(folder).resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DayReport runDay(LocalDate day) {
        clock.set(day);
        return runner.runDay(day);
    }

    static String resource(String path) {
        String text = resourceOrNull(path);
        if (text == null) {
            throw new IllegalArgumentException("no resource " + path);
        }
        return text;
    }

    static String resourceOrNull(String path) {
        try (InputStream in = CycleFixture.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        camel.stop();
    }
}
